using System.Net.Sockets;
using AkkaIpc.Sockets.Internal;

namespace AkkaIpc.Sockets;

/// <summary>
/// A stream connection between two processes on one machine over a Unix domain socket named by a file path: a .NET
/// version of the reference IPCSocket class. One side calls <see cref="Listen"/>, the other <see cref="Connect"/> on
/// the same <see cref="Path"/>; both then raise <see cref="Connected"/>, exchange bytes with Write/Read, and when one
/// side calls <see cref="Close()"/> the other raises <see cref="Error"/> with 102.
/// </summary>
/// <remarks>
/// <para><b>Events.</b> A receive loop raises <see cref="DataAvailable"/> as soon as bytes arrive, without polling.
/// In <see cref="IpcEventMode.Automatic"/> mode events are raised on thread-pool threads, one at a time and in order
/// for one socket (a handler never runs concurrently with another handler of the same socket, and never inside the
/// application's own call to this socket). In <see cref="IpcEventMode.Manual"/> mode they are queued and raised only
/// inside <see cref="Poll"/>. DataAvailable and SendProgress are coalesced: several arrivals before the handler runs
/// give one event, and the handler sees everything buffered by then. No event is raised for this socket after
/// <see cref="Close()"/> returns (one already running may finish).</para>
/// <para><b>Writes.</b> <see cref="Write(ReadOnlySpan{byte})"/> hands bytes straight to the kernel (a non-blocking send
/// on the calling thread) when nothing is queued; what the kernel does not take is queued and sent by a background
/// send, and everything written while a send is in flight goes out together in the next send. The coalescing delay
/// is therefore zero: a lone Write reaches the peer at once, and <see cref="Flush"/> only has to start a send if one
/// is not already running. <see cref="WriteAsync"/> of 16 KiB or more is not copied: the socket sends from the
/// caller's memory, which the caller keeps unchanged until the task completes. <see cref="TotalBytesSent"/>,
/// <see cref="TotalBytesQueued"/> and <see cref="SendProgress"/> tell when written bytes are in the kernel.</para>
/// <para><b>Memory.</b> At most <see cref="IpcSocketOptions.SendQueueLimit"/> bytes wait to be sent (a Write beyond it
/// fails with 108 and queues nothing) and at most <see cref="IpcSocketOptions.ReceiveBufferLimit"/> bytes wait to be
/// read: when the receive buffer is full the socket stops reading from the kernel until the application reads, so
/// the peer's writes slow down instead of memory growing.</para>
/// <para>All members are thread-safe. Only one <see cref="ReadAsync"/> may be outstanding at a time.</para>
/// </remarks>
public sealed partial class IpcSocket : IDisposable, IAsyncDisposable
{
    private readonly Lock _gate = new();
    private readonly Lock _receiveLock = new();
    private readonly EventDispatcher _events;
    private readonly bool _accepted;
    private string _path = string.Empty;
    private volatile SocketState _state;
    private int _generation;
    private Socket? _listener;
    private Socket? _socket;
    private FileIdentity? _ownedFile;
    private PeerCredentials? _peer;
    private IpcErrorCode _lastError;
    private bool _disposed;
    private bool _eventsStarted;

    /// <summary>Creates a closed socket.</summary>
    /// <param name="options">The options; <see cref="IpcSocketOptions.Default"/> when <see langword="null"/>.</param>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range.</exception>
    public IpcSocket(IpcSocketOptions? options = null)
    {
        Options = options ?? IpcSocketOptions.Default;
        Options.Validate();
        _events = new EventDispatcher(Raise, OnHandlerFailed, Options.EventMode == IpcEventMode.Manual, held: false);
    }

    /// <summary>The connection's descriptor, or -1 when not connected (for tests and diagnostics).</summary>
    internal int Descriptor
    {
        get
        {
            lock (_gate)
            {
                return _socket is { } socket ? (int)socket.Handle : -1;
            }
        }
    }

    /// <summary>Wraps a peer accepted by <see cref="IpcListener"/>: connected, but silent until <see cref="StartEvents"/>.</summary>
    internal IpcSocket(Socket connected, string path, IpcSocketOptions options, PeerCredentials? credentials)
    {
        Options = options;
        _accepted = true;
        _path = path;
        _events = new EventDispatcher(Raise, OnHandlerFailed, Options.EventMode == IpcEventMode.Manual, held: true);
        lock (_gate)
        {
            _generation = 1;
            BecomeConnected(connected, credentials, startReceiving: false);
        }
    }

    private enum SocketState
    {
        Closed,
        Listening,
        Connecting,
        Connected,
    }

    /// <summary>
    /// The socket file's path. Validated by <see cref="Listen"/> and <see cref="Connect"/> (107 when empty, containing
    /// NUL, or longer than <see cref="IpcSocketOptions.MaxPathBytes"/> UTF-8 bytes).
    /// </summary>
    /// <exception cref="ArgumentNullException">The value is null.</exception>
    /// <exception cref="IpcSocketException">106 when set while the socket is listening, connecting or connected.</exception>
    public string Path
    {
        get => _path;
        set
        {
            ArgumentNullException.ThrowIfNull(value);
            lock (_gate)
            {
                if (_state != SocketState.Closed)
                {
                    throw Fail(IpcErrorCode.InvalidStateError, $"cannot change the path while {Describe(_state)}");
                }

                _path = value;
            }
        }
    }

    /// <summary>The options this socket was created with.</summary>
    public IpcSocketOptions Options { get; }

    /// <summary>True when connected to a peer.</summary>
    public bool IsConnected => _state == SocketState.Connected;

    /// <summary>The OS descriptor: the connection's when connected, the listening one while waiting for a peer, else -1.</summary>
    public long Handle
    {
        get
        {
            lock (_gate)
            {
                return (_socket ?? _listener)?.Handle.ToInt64() ?? -1;
            }
        }
    }

    /// <summary>The code of the last error this socket threw or raised, <see cref="IpcErrorCode.None"/> if none.</summary>
    public IpcErrorCode LastErrorCode => _lastError;

    /// <summary>
    /// The peer process's credentials (Linux SO_PEERCRED), set on both ends once connected; <see langword="null"/>
    /// before, after <see cref="Close()"/>, and off Linux. Kept after a lost connection (102).
    /// </summary>
    public PeerCredentials? PeerCredentials => _peer;

    /// <summary>
    /// Disposes the socket: closes it like <see cref="Close()"/> (waiting up to <see cref="IpcSocketOptions.CloseLinger"/>
    /// for queued bytes), but never throws: bytes that could not be delivered are reported only through
    /// <see cref="LastErrorCode"/> (106) and failed WriteAsync/FlushAsync calls; call Close first to be told. Afterwards
    /// Listen and Connect throw <see cref="ObjectDisposedException"/>.
    /// </summary>
    public void Dispose()
    {
        try
        {
            Close();
        }
        catch (IpcSocketException)
        {
            // Dispose must not throw; the drop is recorded in LastErrorCode (documented above).
        }

        _disposed = true;
    }

    /// <summary>Disposes the socket like <see cref="Dispose"/>, waiting for queued bytes without blocking a thread.</summary>
    /// <returns>A task that completes once the socket is closed.</returns>
    public async ValueTask DisposeAsync()
    {
        try
        {
            await CloseAsync().ConfigureAwait(false);
        }
        catch (IpcSocketException)
        {
            // As in Dispose.
        }

        _disposed = true;
    }

    private static string Describe(SocketState state) => state switch
    {
        SocketState.Listening => "listening",
        SocketState.Connecting => "connecting",
        SocketState.Connected => "connected",
        _ => "closed",
    };

    /// <summary>Records <paramref name="exception"/> as the last error and returns it for throwing.</summary>
    private IpcSocketException Fail(IpcSocketException exception)
    {
        _lastError = exception.ErrorNumber;
        return exception;
    }

    private IpcSocketException Fail(IpcErrorCode code, string cause, Exception? inner = null) =>
        Fail(new IpcSocketException(code, cause, _path.Length == 0 ? null : _path, inner));

    private void ThrowIfDisposed() => ObjectDisposedException.ThrowIf(_disposed, this);
}
