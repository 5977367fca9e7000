using System.Buffers;
using System.Net.Sockets;
using System.Text;
using AkkaIpc.Sockets.Internal;

namespace AkkaIpc.Sockets;

public sealed partial class IpcSocket
{
    private readonly Queue<(long End, TaskCompletionSource Done)> _sendWaiters = new();
    private SendQueue _send = new();
    private long _totalSent;
    private long _totalQueued;
    private long _totalDropped;

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

    private int LeftToSend => (int)(_totalQueued - _totalSent - _totalDropped);

    /// <summary>
    /// Queues <paramref name="data"/> for the peer. When nothing is queued the bytes go to the kernel at once (a
    /// non-blocking send on the calling thread); the rest is sent in the background, coalesced with later writes.
    /// </summary>
    /// <param name="data">The bytes to send.</param>
    /// <exception cref="IpcSocketException">106 when not connected; 108 when the queued bytes would exceed
    /// <see cref="IpcSocketOptions.SendQueueLimit"/> (nothing of <paramref name="data"/> is queued then).</exception>
    public void Write(ReadOnlySpan<byte> data)
    {
        Socket socket;
        SendQueue queue;
        int generation;
        var sentNow = 0;
        var startLoop = false;
        Exception? lost = null;
        lock (_gate)
        {
            if (_state != SocketState.Connected || _socket is null)
            {
                throw Fail(IpcErrorCode.InvalidStateError, $"cannot write while {Describe(_state)}");
            }

            var left = LeftToSend;
            if (data.Length > Options.SendQueueLimit - left)
            {
                throw Fail(
                    IpcErrorCode.OutOfMemoryError,
                    $"writing {data.Length} bytes would exceed the send queue limit of {Options.SendQueueLimit} bytes ({left} queued)");
            }

            if (data.IsEmpty)
            {
                return;
            }

            socket = _socket;
            queue = _send;
            generation = _generation;
            Interlocked.Add(ref _totalQueued, data.Length);
            if (queue.Sending)
            {
                queue.Append(data);
            }
            else
            {
                sentNow = TrySendNow(socket, data, out lost);
                Interlocked.Add(ref _totalSent, sentNow);
                if (lost is null && sentNow < data.Length)
                {
                    queue.Append(data[sentNow..]);
                    queue.Sending = true;
                    startLoop = true;
                }
            }
        }

        if (lost is not null)
        {
            OnConnectionLost(generation, lost, drainInline: false);
            return;
        }

        if (sentNow > 0)
        {
            OnSent();
        }

        if (startLoop)
        {
            _ = SendLoopAsync(socket, generation, queue);
        }
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
    /// Pushes queued bytes to the kernel now. Writes already go out without delay, so this only starts a send if none
    /// is running; use <see cref="FlushAsync"/> to wait until every queued byte is in the kernel.
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

        _ = SendLoopAsync(socket, generation, queue);
    }

    /// <summary>Writes <paramref name="data"/> and completes when all of it is in the kernel.</summary>
    /// <param name="data">The bytes to send.</param>
    /// <param name="cancellationToken">Cancels the wait only; the bytes stay queued.</param>
    /// <returns>A task that completes once the bytes are in the kernel.</returns>
    /// <exception cref="IpcSocketException">106 when not connected or closed before the bytes were sent; 108 over the
    /// send queue limit; 102 when the connection is lost first.</exception>
    /// <exception cref="OperationCanceledException">The token was cancelled.</exception>
    public ValueTask WriteAsync(ReadOnlyMemory<byte> data, CancellationToken cancellationToken = default)
    {
        Write(data.Span);
        return WaitUntilSent(cancellationToken);
    }

    /// <summary>Completes when every byte queued so far is in the kernel.</summary>
    /// <param name="cancellationToken">Cancels the wait only.</param>
    /// <returns>A task that completes once the queue is empty.</returns>
    /// <exception cref="IpcSocketException">106 when not connected or closed first; 102 when the connection is lost first.</exception>
    /// <exception cref="OperationCanceledException">The token was cancelled.</exception>
    public ValueTask FlushAsync(CancellationToken cancellationToken = default)
    {
        Flush();
        return WaitUntilSent(cancellationToken);
    }

    private ValueTask WaitUntilSent(CancellationToken cancellationToken)
    {
        TaskCompletionSource done;
        lock (_gate)
        {
            if (LeftToSend == 0)
            {
                return ValueTask.CompletedTask;
            }

            done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _sendWaiters.Enqueue((_totalQueued, done));
        }

        return new ValueTask(cancellationToken.CanBeCanceled ? done.Task.WaitAsync(cancellationToken) : done.Task);
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

    private async Task SendLoopAsync(Socket socket, int generation, SendQueue queue)
    {
        try
        {
            while (true)
            {
                ReadOnlyMemory<byte> chunk;
                lock (_gate)
                {
                    if (generation != _generation || queue.PendingCount == 0)
                    {
                        queue.Sending = false;
                        if (generation != _generation)
                        {
                            queue.Release();
                        }

                        return;
                    }

                    chunk = queue.TakePending();
                }

                // A stream socket's SendAsync completes only when every byte is in the kernel.
                await socket.SendAsync(chunk, SocketFlags.None).ConfigureAwait(false);
                lock (_gate)
                {
                    if (generation == _generation)
                    {
                        Interlocked.Add(ref _totalSent, chunk.Length);
                    }
                }

                OnSent();
            }
        }
        catch (Exception e) when (e is SocketException or ObjectDisposedException)
        {
            lock (_gate)
            {
                queue.Sending = false;
                if (generation != _generation)
                {
                    queue.Release();
                }
            }

            OnConnectionLost(generation, e, drainInline: false);
        }
    }

    /// <summary>Completes the waiters whose bytes are now in the kernel and raises SendProgress.</summary>
    private void OnSent()
    {
        List<TaskCompletionSource>? completed = null;
        lock (_gate)
        {
            while (_sendWaiters.TryPeek(out var waiter) && waiter.End <= _totalSent)
            {
                _sendWaiters.Dequeue();
                (completed ??= []).Add(waiter.Done);
            }
        }

        if (completed is not null)
        {
            foreach (var done in completed)
            {
                done.TrySetResult();
            }
        }

        if (SendProgress is not null)
        {
            _events.Post(new PendingEvent(PendingEventKind.SendProgress), drainInline: false);
        }
    }

    /// <summary>Discards unsent bytes and fails their waiters; called under the gate by Teardown.</summary>
    private void DropSendQueue(IpcSocketException reason)
    {
        if (!_send.Sending)
        {
            _send.Release();
        }

        _send = new SendQueue();
        _totalDropped = _totalQueued - _totalSent;
        while (_sendWaiters.TryDequeue(out var waiter))
        {
            waiter.Done.TrySetException(reason);
        }
    }
}
