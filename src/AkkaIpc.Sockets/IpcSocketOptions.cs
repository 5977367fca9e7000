namespace AkkaIpc.Sockets;

/// <summary>
/// Plain options of an <see cref="IpcSocket"/> or <see cref="IpcListener"/>. Values are validated when a socket or
/// listener is created (an out-of-range value throws <see cref="ArgumentOutOfRangeException"/> there).
/// </summary>
public sealed class IpcSocketOptions
{
    /// <summary>The Linux limit: <c>sun_path</c> holds 108 bytes including the terminating NUL.</summary>
    public const int OsMaxPathBytes = 107;

    /// <summary>The options every socket uses when none are given.</summary>
    public static IpcSocketOptions Default { get; } = new();

    /// <summary>
    /// The longest accepted path, in UTF-8 bytes. Default 103 (the reference class's limit); at most 107
    /// (<see cref="OsMaxPathBytes"/>). A longer path fails with 107.
    /// </summary>
    public int MaxPathBytes { get; init; } = 103;

    /// <summary>
    /// The mode the socket file gets between bind and listen, so no peer can connect before it is set.
    /// Default <c>0600</c> (owner read/write); use e.g. <c>0660</c> to admit a group.
    /// </summary>
    public UnixFileMode SocketFileMode { get; init; } = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    /// <summary>
    /// The user ids a listener accepts as peers. <see langword="null"/> (the default) means only the process's own
    /// effective uid. A non-null list is the complete list (add your own uid if you want it). Ignored when
    /// <see cref="AllowAnyPeerUid"/> is set.
    /// </summary>
    public IReadOnlyCollection<int>? AllowedPeerUids { get; init; }

    /// <summary>When <see langword="true"/>, a listener accepts peers of any uid. Default <see langword="false"/>.</summary>
    public bool AllowAnyPeerUid { get; init; }

    /// <summary>
    /// The most bytes that may wait in user space for the kernel (<see cref="IpcSocket.BytesLeftToSend"/>).
    /// A Write that would exceed it fails with 108 and queues nothing. Default 4 MiB.
    /// </summary>
    public int SendQueueLimit { get; init; } = 4 * 1024 * 1024;

    /// <summary>
    /// The most received bytes buffered but not yet read (<see cref="IpcSocket.BytesAvailable"/> never exceeds it).
    /// When the buffer is full the socket stops reading from the kernel until the application reads, so the
    /// sender's kernel pushes back. Default 4 MiB.
    /// </summary>
    public int ReceiveBufferLimit { get; init; } = 4 * 1024 * 1024;

    /// <summary>
    /// How long <see cref="IpcSocket.Close()"/> (and Dispose) waits for written bytes still queued to reach the kernel
    /// before closing anyway. <see cref="TimeSpan.Zero"/> closes at once; <see cref="Timeout.InfiniteTimeSpan"/> waits
    /// as long as the connection lasts. What is left after it is dropped and reported (see <see cref="IpcSocket.Close()"/>).
    /// Default 5 seconds.
    /// </summary>
    public TimeSpan CloseLinger { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// What the peer's end of stream (it shut its sending side, or closed) means. <see langword="false"/> (the
    /// default, the reference behaviour): the connection is lost, 102. <see langword="true"/> (TCP's half-close, as
    /// Akka.IO's <c>keepOpenOnPeerClosed</c>): only reading ends — <see cref="IpcSocket.ReadAsync"/> returns 0 once
    /// the buffered bytes are read, no event is raised — and the socket stays connected for writing until it is
    /// closed or a write finds the peer gone (102).
    /// </summary>
    public bool KeepOpenOnPeerClosed { get; init; }

    /// <summary>How events are delivered. Default <see cref="IpcEventMode.Automatic"/>.</summary>
    public IpcEventMode EventMode { get; init; } = IpcEventMode.Automatic;

    internal void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxPathBytes, 1, nameof(MaxPathBytes));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(MaxPathBytes, OsMaxPathBytes, nameof(MaxPathBytes));
        ArgumentOutOfRangeException.ThrowIfLessThan(SendQueueLimit, 1, nameof(SendQueueLimit));
        ArgumentOutOfRangeException.ThrowIfLessThan(ReceiveBufferLimit, 1, nameof(ReceiveBufferLimit));
        if (CloseLinger < TimeSpan.Zero && CloseLinger != Timeout.InfiniteTimeSpan)
        {
            throw new ArgumentOutOfRangeException(nameof(CloseLinger), CloseLinger, "Must be >= 0 or infinite.");
        }

        if (!Enum.IsDefined(EventMode))
        {
            throw new ArgumentOutOfRangeException(nameof(EventMode), EventMode, "Unknown event mode.");
        }
    }
}
