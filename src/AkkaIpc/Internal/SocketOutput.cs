using System.Buffers.Binary;
using Akka.Actor;
using AkkaIpc.Sockets;

namespace AkkaIpc.Internal;

/// <summary>
/// The sending half of one connected socket: queues <see cref="Write"/> commands on it and answers their acks in
/// order. It belongs to the actor that <see cref="Write"/>s are addressed to (a listener's or connector's
/// supervisor, or an accepted connection's socket actor), so a write is handled in the first mailbox it reaches;
/// the socket actor keeps the socket's life cycle and its received bytes. Not thread-safe: only the owning actor
/// calls it, and IpcSocket's own calls are safe against the socket actor closing the socket meanwhile (they fail
/// with 106 then).
/// <para>
/// SendProgress is handled only while a write waits for its ack: a socket without a handler raises no event at all,
/// which saves a thread-pool work item on every send that reaches the kernel. The handler tells the owner
/// <see cref="SendProgressed"/>, coalesced, once the oldest waiting ack is due, and the owner calls
/// <see cref="Progressed"/>.
/// </para>
/// </summary>
internal sealed class SocketOutput
{
    /// <summary>Why writes still waiting for their acks fail on Close.</summary>
    public const string ClosedBeforeSent = "the socket was closed before the bytes reached the kernel";

    private const int HeaderBytes = 4;
    private readonly IpcSocket _socket;
    private readonly IpcSocketSettings _settings;
    private readonly string _path;
    private readonly IActorRef _owner;
    private readonly Queue<PendingAck> _acks = new();
    private readonly EventHandler<IpcSendProgressEventArgs> _onSendProgress;
    private int _progressQueued;
    private bool _watchingProgress;

    // The stream offset the oldest waiting ack needs in the kernel (long.MaxValue: none), published for the socket's
    // thread: progress that does not reach it completes nothing and needs no message. Written with a full fence and
    // followed by a fresh look at the socket's counter, while the socket raises SendProgress only after its counter
    // moved, so one side always sees the other (no ack waits for a progress event that never comes).
    private long _nextAckOffset = long.MaxValue;

    /// <param name="socket">The connected socket.</param>
    /// <param name="settings">Its settings (framing, frame size limit).</param>
    /// <param name="path">Its path, for messages.</param>
    /// <param name="owner">The actor that owns this output, the ref writers know the socket by: it is told
    /// <see cref="SendProgressed"/>, and it is the sender of acks and failures.</param>
    public SocketOutput(IpcSocket socket, IpcSocketSettings settings, string path, IActorRef owner)
    {
        _socket = socket;
        _settings = settings;
        _path = path;
        _owner = owner;
        _onSendProgress = OnSendProgress;
    }

    /// <summary>True while bytes are queued on a connected socket (a Close then waits for them).</summary>
    public bool HasQueuedBytes => _socket.IsConnected && _socket.BytesLeftToSend > 0;

    public void Write(Write write, IActorRef writer)
    {
        // An ImmutableArray's bytes never change, so the socket may send large ones from them without a copy.
        var data = write.Data.IsDefault ? ReadOnlyMemory<byte>.Empty : write.Data.AsMemory();
        if (write.Ack is not null)
            WatchProgress();
        try
        {
            if (_settings.Framing == Framing.Raw)
            {
                _socket.WriteImmutable(default, data);
            }
            else if (data.Length > _settings.MaxFrameSize)
            {
                writer.Tell(new CommandFailed(write, IpcErrorCode.OutOfMemoryError,
                    $"108: a frame of {data.Length} bytes exceeds akka.ipc.socket.max-frame-size {_settings.MaxFrameSize} ({_path})"), _owner);
                UnwatchProgressWhenIdle();
                return;
            }
            else
            {
                // Header and payload are queued as one write, so a 108 (queue full) never leaves half a frame queued.
                Span<byte> header = stackalloc byte[HeaderBytes];
                BinaryPrimitives.WriteUInt32BigEndian(header, (uint)data.Length);
                _socket.WriteImmutable(header, data);
            }
        }
        catch (IpcSocketException ex)
        {
            writer.Tell(new CommandFailed(write, ex.ErrorNumber, ex.Message), _owner);
            UnwatchProgressWhenIdle();
            return;
        }

        if (write.Ack is null)
            return;
        // Everything up to this offset of the queued stream must reach the kernel before this write is acked.
        _acks.Enqueue(new PendingAck(_socket.TotalBytesQueued, write, writer));
        CompleteAcks();
    }

    public void Flush(IActorRef requester)
    {
        try
        {
            _socket.Flush();
        }
        catch (IpcSocketException ex)
        {
            requester.Tell(new CommandFailed(AkkaIpc.Flush.Instance, ex.ErrorNumber, ex.Message), _owner);
            return;
        }

        CompleteAcks();
    }

    /// <summary>Waits until every queued byte is in the kernel, the connection is lost, or close-timeout passed.</summary>
    /// <returns>A task that completes either way (it never faults).</returns>
    public async Task DrainAsync(IScheduler scheduler)
    {
        // close-timeout runs on the actor system's scheduler, so a test scheduler's virtual time governs it too.
        var timeout = new CancellationTokenSource();
        scheduler.Advanced.ScheduleOnce(_settings.CloseTimeout, timeout.Cancel);
        try
        {
            await _socket.FlushAsync(timeout.Token);
        }
        catch (Exception ex) when (ex is IpcSocketException or OperationCanceledException)
        {
            // Lost or timed out: the writes whose bytes did not make it are failed by whoever waited.
        }
    }

    /// <summary>The owner got <see cref="SendProgressed"/>.</summary>
    public void Progressed()
    {
        Volatile.Write(ref _progressQueued, 0);
        CompleteAcks();
    }

    /// <summary>Acks every pending write whose last byte the kernel now holds, in order.</summary>
    public void CompleteAcks()
    {
        while (_acks.Count > 0)
        {
            var sent = _socket.TotalBytesSent;
            while (_acks.TryPeek(out var pending) && pending.Offset <= sent)
            {
                _acks.Dequeue();
                pending.Writer.Tell(pending.Write.Ack!, _owner);
            }

            var next = _acks.TryPeek(out var oldest) ? oldest.Offset : long.MaxValue;
            Interlocked.Exchange(ref _nextAckOffset, next);
            if (_socket.TotalBytesSent < next)
                break;
        }

        UnwatchProgressWhenIdle();
    }

    /// <summary>Fails every write still waiting for its ack (the socket is going or gone).</summary>
    public void FailAcks(IpcErrorCode code, string reason)
    {
        while (_acks.TryDequeue(out var pending))
            pending.Writer.Tell(new CommandFailed(pending.Write, code, $"{(int)code}: {reason} ({_path})"), _owner);
        Interlocked.Exchange(ref _nextAckOffset, long.MaxValue);
        UnwatchProgressWhenIdle();
    }

    /// <summary>
    /// The connection went down with <paramref name="code"/>: acks the writes whose bytes reached the kernel before it
    /// did (their progress event may still be on its way), and fails the rest.
    /// </summary>
    public void FailAcksOnLoss(IpcErrorCode code, string message)
    {
        CompleteAcks();
        FailAcks(code == IpcErrorCode.LostConnection ? code : IpcErrorCode.InvalidStateError,
            $"the connection went down before the bytes reached the kernel: {message}");
    }

    /// <summary>
    /// From before the bytes of an acked write are queued, so the event that reports them always finds the handler
    /// (the socket reads its handlers after each send, under the lock that a Write takes first).
    /// </summary>
    private void WatchProgress()
    {
        if (_watchingProgress)
            return;
        _watchingProgress = true;
        _socket.SendProgress += _onSendProgress;
    }

    private void UnwatchProgressWhenIdle()
    {
        if (!_watchingProgress || _acks.Count > 0)
            return;
        _watchingProgress = false;
        _socket.SendProgress -= _onSendProgress;
    }

    // Runs on the socket's thread: it only tells the owner, when an ack is due, coalesced (the owner clears the flag
    // before it looks at the counter).
    private void OnSendProgress(object? sender, IpcSendProgressEventArgs e)
    {
        if (e.TotalBytesSent >= Volatile.Read(ref _nextAckOffset) && Interlocked.Exchange(ref _progressQueued, 1) == 0)
            _owner.Tell(SendProgressed.Instance, ActorRefs.NoSender);
    }

    private readonly record struct PendingAck(long Offset, Write Write, IActorRef Writer);
}
