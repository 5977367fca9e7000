using System.Buffers;
using System.Diagnostics;
using System.Net.Sockets;
using System.Text;
using AkkaIpc.Sockets.Internal;

namespace AkkaIpc.Sockets;

public sealed partial class IpcSocket
{
    private SendQueue _send = new();
    private long _totalSent;
    private long _totalQueued;
    private long _totalDropped;
    private long _lastImmediateSend = long.MinValue / 2;
    private long _sendOperations;

    // Set when a send found the peer gone while its bytes may still wait in our receive queue (see OnSendFailed).
    private IpcSocketException? _sendLost;

    /// <summary>
    /// How soon after an immediate send a further Write is coalesced rather than sent at once, in microseconds (5).
    /// Shorter than any round trip, so request/response traffic is never delayed; a tight loop of writes is.
    /// </summary>
    public const int CoalesceWindowMicroseconds = 5;

    private static readonly long CoalesceWindowTicks = Stopwatch.Frequency * CoalesceWindowMicroseconds / 1_000_000;

    /// <summary>Bytes accepted by Write but not yet handed to the kernel. Exact: counts every byte not yet in the kernel.</summary>
    public int BytesLeftToSend
    {
        get
        {
            lock (_gate)
            {
                return LeftToSend;
            }
        }
    }

    /// <summary>
    /// Bytes handed to the kernel over this socket's lifetime (monotonic, never reset). A write is in the kernel once
    /// this reaches the value <see cref="TotalBytesQueued"/> had right after that write.
    /// </summary>
    public long TotalBytesSent => Interlocked.Read(ref _totalSent);

    /// <summary>Bytes accepted by Write over this socket's lifetime (monotonic, never reset).</summary>
    public long TotalBytesQueued => Interlocked.Read(ref _totalQueued);

    /// <summary>Send operations handed to the OS so far (immediate sends plus background sends); tests see coalescing in it.</summary>
    internal long SendOperations => Interlocked.Read(ref _sendOperations);

    private int LeftToSend => (int)(_totalQueued - _totalSent - _totalDropped);

    /// <summary>
    /// Queues <paramref name="data"/> for the peer. On an idle socket the bytes go to the kernel at once (a
    /// non-blocking send on the calling thread). A write that follows an immediate send within
    /// <see cref="CoalesceWindowMicroseconds"/> µs is queued instead and sent by a background flush that starts at once
    /// on the thread pool, together with everything written until it runs; writes made while a send is in flight go
    /// out together in the next send.
    /// </summary>
    /// <param name="data">The bytes to send.</param>
    /// <exception cref="IpcSocketException">106 when not connected; 108 when the queued bytes would exceed
    /// <see cref="IpcSocketOptions.SendQueueLimit"/> (nothing of <paramref name="data"/> is queued then); 102 once a
    /// send found the peer gone (the socket still delivers what the peer sent before, then raises 102).</exception>
    public void Write(ReadOnlySpan<byte> data)
    {
        Socket socket;
        SendQueue queue;
        int generation;
        var sentNow = 0;
        var startLoop = false;
        var scheduleFlush = false;
        Exception? lost = null;
        lock (_gate)
        {
            socket = ThrowIfCannotQueue(data.Length);
            if (data.IsEmpty)
            {
                return;
            }

            queue = _send;
            generation = _generation;
            Interlocked.Add(ref _totalQueued, data.Length);
            var now = Stopwatch.GetTimestamp();
            if (queue.Sending || queue.FlushScheduled)
            {
                queue.Append(data);
            }
            else if (now - _lastImmediateSend < CoalesceWindowTicks)
            {
                // A burst: let one background send carry this and whatever follows it.
                queue.Append(data);
                queue.FlushScheduled = scheduleFlush = true;
            }
            else
            {
                _lastImmediateSend = now;
                Interlocked.Increment(ref _sendOperations);
                sentNow = TrySendNow(socket, data, out lost);
                Interlocked.Add(ref _totalSent, sentNow);
                if (lost is null && sentNow < data.Length)
                {
                    queue.Append(data[sentNow..]);
                    queue.Sending = startLoop = true;
                }
            }
        }

        if (lost is not null)
        {
            OnSendFailed(generation, lost);
            return;
        }

        if (sentNow > 0)
        {
            OnSent(inlineEvents: false);
        }

        if (startLoop)
        {
            _ = SendLoopAsync(socket, generation, queue, onPool: false);
        }
        else if (scheduleFlush)
        {
            ThreadPool.UnsafeQueueUserWorkItem(
                static state => state.Owner.RunScheduledFlush(state.Socket, state.Generation, state.Queue),
                (Owner: this, Socket: socket, Generation: generation, Queue: queue),
                preferLocal: false);
        }
    }

    /// <summary>Throws 106 when not connected and 108 when <paramref name="length"/> more bytes do not fit; under the gate.</summary>
    private Socket ThrowIfCannotQueue(int length)
    {
        if (_state != SocketState.Connected || _socket is null)
        {
            throw Fail(IpcErrorCode.InvalidStateError, $"cannot write while {Describe(_state)}");
        }

        if (_sendLost is { } lost)
        {
            // The peer is gone; what it sent before is still being read, and the end of it raises 102.
            throw Fail(SocketErrors.LostConnection(_path, lost.InnerException));
        }

        if (_outputShut)
        {
            throw Fail(IpcErrorCode.InvalidStateError, "cannot write after the sending side was shut down");
        }

        var left = LeftToSend;
        if (length > Options.SendQueueLimit - left)
        {
            throw Fail(
                IpcErrorCode.OutOfMemoryError,
                $"writing {length} bytes would exceed the send queue limit of {Options.SendQueueLimit} bytes ({left} queued)");
        }

        return _socket;
    }

    /// <summary>Queues <paramref name="data"/> encoded as text, like <see cref="Write(ReadOnlySpan{byte})"/>.</summary>
    /// <param name="data">The text to send.</param>
    /// <param name="encoding">Its encoding; UTF-8 when <see langword="null"/>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="data"/> is null.</exception>
    /// <exception cref="IpcSocketException">106 when not connected; 108 over the send queue limit.</exception>
    public void Write(string data, Encoding? encoding = null)
    {
        ArgumentNullException.ThrowIfNull(data);
        encoding ??= Encoding.UTF8;
        var rented = ArrayPool<byte>.Shared.Rent(encoding.GetMaxByteCount(data.Length));
        try
        {
            var length = encoding.GetBytes(data, rented);
            Write(rented.AsSpan(0, length));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }

    /// <summary>
    /// Pushes queued bytes to the kernel now, on the calling thread, without waiting for a scheduled background flush.
    /// If a send is already in flight it carries the queued bytes next; use <see cref="FlushAsync"/> to wait until
    /// every queued byte is in the kernel.
    /// </summary>
    /// <exception cref="IpcSocketException">106 when not connected.</exception>
    public void Flush()
    {
        Socket socket;
        SendQueue queue;
        int generation;
        lock (_gate)
        {
            if (_state != SocketState.Connected || _socket is null)
            {
                throw Fail(IpcErrorCode.InvalidStateError, $"cannot flush while {Describe(_state)}");
            }

            if (_send.Sending || _send.PendingCount == 0)
            {
                return;
            }

            _send.Sending = true;
            socket = _socket;
            queue = _send;
            generation = _generation;
        }

        _ = SendLoopAsync(socket, generation, queue, onPool: false);
    }

    /// <summary>One non-blocking send; returns what the kernel took (0 when its buffer is full).</summary>
    private static int TrySendNow(Socket socket, ReadOnlySpan<byte> data, out Exception? lost)
    {
        lost = null;
        try
        {
            var sent = socket.Send(data, SocketFlags.None, out var error);
            if (error is SocketError.Success or SocketError.WouldBlock or SocketError.TryAgain)
            {
                return Math.Max(sent, 0);
            }

            lost = new SocketException((int)error);
            return 0;
        }
        catch (Exception e) when (e is SocketException or ObjectDisposedException)
        {
            lost = e;
            return 0;
        }
    }

    /// <summary>The background flush queued by a coalescing Write (on a thread-pool thread).</summary>
    private void RunScheduledFlush(Socket socket, int generation, SendQueue queue)
    {
        lock (_gate)
        {
            queue.FlushScheduled = false;
            if (generation != _generation || queue.Sending || queue.PendingCount == 0)
            {
                // Closed meanwhile (Teardown released the queue), or a Flush or send loop took the bytes.
                return;
            }

            queue.Sending = true;
        }

        _ = SendLoopAsync(socket, generation, queue, onPool: true);
    }

    /// <summary>Discards unsent bytes and fails their waiters; called under the gate by Teardown.</summary>
    private void DropSendQueue(IpcSocketException reason)
    {
        if (_send.Sending)
        {
            // A send may be reading borrowed memory right now: the loop releases the queue when that send returns.
            _send.DropReason = reason;
        }
        else
        {
            _send.Release(reason);
        }

        _send = new SendQueue();
        if (_totalQueued > Settled)
        {
            // Only a real drop: an empty one (a close after the send side was lost) must not hide the earlier one.
            _lastDrop = (Settled, _totalQueued, reason);
        }

        _totalDropped = _totalQueued - _totalSent;
        while (_sendWaiters.TryDequeue(out var waiter))
        {
            waiter.Done.TrySetException(reason);
        }
    }
}
