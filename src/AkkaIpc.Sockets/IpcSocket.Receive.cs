using System.Net.Sockets;
using System.Text;
using AkkaIpc.Sockets.Internal;

namespace AkkaIpc.Sockets;

public sealed partial class IpcSocket
{
    private ReceiveBuffer _receive = new();
    private TaskCompletionSource? _spaceAvailable;
    private TaskCompletionSource? _dataWaiter;
    private IpcSocketException? _receiveLost;

    /// <summary>The number of received bytes buffered and not yet read; never above <see cref="IpcSocketOptions.ReceiveBufferLimit"/>.</summary>
    public int BytesAvailable
    {
        get
        {
            lock (_receiveLock)
            {
                return _receive.Count;
            }
        }
    }

    /// <summary>True when the receive buffer is empty (nothing left to read now).</summary>
    public bool EndOfFile => BytesAvailable == 0;

    /// <summary>The same as <see cref="EndOfFile"/> (the reference's alias).</summary>
    public bool EOF => EndOfFile;

    /// <summary>Removes and returns up to <paramref name="count"/> buffered bytes; fewer (maybe none) if fewer are buffered. Never blocks.</summary>
    /// <param name="count">The most bytes to return.</param>
    /// <returns>The bytes read.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="count"/> is negative.</exception>
    public byte[] Read(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        lock (_receiveLock)
        {
            var bytes = _receive.Span[..Math.Min(count, _receive.Count)].ToArray();
            _receive.Consume(bytes.Length);
            SignalSpace();
            return bytes;
        }
    }

    /// <summary>Removes up to <paramref name="count"/> buffered bytes and decodes them. Never blocks.</summary>
    /// <param name="count">The most bytes to read.</param>
    /// <param name="encoding">The text encoding of the bytes.</param>
    /// <returns>The decoded text (a multi-byte character cut at <paramref name="count"/> decodes as a replacement).</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="count"/> is negative.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="encoding"/> is null.</exception>
    public string Read(int count, Encoding encoding)
    {
        ArgumentNullException.ThrowIfNull(encoding);
        return encoding.GetString(Read(count));
    }

    /// <summary>Removes as many buffered bytes as fit in <paramref name="destination"/>, without allocating. Never blocks.</summary>
    /// <param name="destination">Where to copy the bytes.</param>
    /// <returns>The number of bytes copied (0 when nothing is buffered).</returns>
    public int Read(Span<byte> destination)
    {
        lock (_receiveLock)
        {
            var n = _receive.Read(destination);
            SignalSpace();
            return n;
        }
    }

    /// <summary>Removes and returns every buffered byte.</summary>
    /// <returns>The bytes (empty when nothing is buffered).</returns>
    public byte[] ReadAll() => Read(int.MaxValue);

    /// <summary>Removes every buffered byte and decodes it.</summary>
    /// <param name="encoding">The text encoding of the bytes.</param>
    /// <returns>The decoded text.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="encoding"/> is null.</exception>
    public string ReadAll(Encoding encoding) => Read(int.MaxValue, encoding);

    /// <summary>Returns every buffered byte without removing it.</summary>
    /// <returns>A copy of the buffered bytes.</returns>
    public byte[] Lookahead()
    {
        lock (_receiveLock)
        {
            return _receive.Span.ToArray();
        }
    }

    /// <summary>Decodes every buffered byte without removing it.</summary>
    /// <param name="encoding">The text encoding of the bytes.</param>
    /// <returns>The decoded text.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="encoding"/> is null.</exception>
    public string Lookahead(Encoding encoding)
    {
        ArgumentNullException.ThrowIfNull(encoding);
        lock (_receiveLock)
        {
            return encoding.GetString(_receive.Span);
        }
    }

    /// <summary>
    /// Reads at least one byte, waiting for it if nothing is buffered. Buffered bytes are returned even after the
    /// connection was lost; once they are gone the loss is thrown. One call at a time.
    /// </summary>
    /// <param name="buffer">Where to copy the bytes.</param>
    /// <param name="cancellationToken">Cancels the wait (no bytes are lost).</param>
    /// <returns>The number of bytes copied; 0 for an empty <paramref name="buffer"/>, and with
    /// <see cref="IpcSocketOptions.KeepOpenOnPeerClosed"/> once the peer ended its sending side and every byte was read.</returns>
    /// <exception cref="IpcSocketException">102 when the connection was lost and nothing is buffered; 106 when the
    /// socket is closed.</exception>
    /// <exception cref="OperationCanceledException">The token was cancelled.</exception>
    public async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        while (true)
        {
            Task wait;
            lock (_receiveLock)
            {
                if (_receive.Count > 0 || buffer.IsEmpty)
                {
                    var n = _receive.Read(buffer.Span);
                    SignalSpace();
                    return n;
                }

                if (_inputEnded)
                {
                    return 0;
                }

                if (_receiveLost is { } lost)
                {
                    throw lost;
                }

                if (_state == SocketState.Closed)
                {
                    throw Fail(IpcErrorCode.InvalidStateError, "cannot read: the socket is not connected");
                }

                _dataWaiter ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                wait = _dataWaiter.Task;
            }

            await wait.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Wakes a paused receive loop once there is room again; called under the receive lock.</summary>
    private void SignalSpace()
    {
        if (_spaceAvailable is { } paused && _receive.Count < Options.ReceiveBufferLimit)
        {
            _spaceAvailable = null;
            paused.TrySetResult();
        }
    }

    /// <summary>
    /// After a local close or on open (<paramref name="lostException"/> null): a fresh empty buffer. After a lost
    /// connection: keep the bytes readable and remember the loss for <see cref="ReadAsync"/>.
    /// </summary>
    private void ResetReceiveBuffer(IpcSocketException? lostException)
    {
        lock (_receiveLock)
        {
            if (lostException is null)
            {
                var old = _receive;
                _receive = new ReceiveBuffer();
                if (old.InUseByLoop)
                {
                    // The loop may be receiving into the array right now; it returns the array when it exits.
                    old.ReleaseWhenLoopExits = true;
                }
                else
                {
                    old.Release();
                }
            }

            _receiveLost = lostException;
            _inputEnded &= lostException is not null;
            _spaceAvailable?.TrySetResult();
            _spaceAvailable = null;
            _dataWaiter?.TrySetException(lostException ?? new IpcSocketException(
                IpcErrorCode.InvalidStateError, "the socket was closed", _path.Length == 0 ? null : _path));
            _dataWaiter = null;
        }
    }

    /// <summary>Starts the receive loop on the thread pool, so no handler ever runs inside the caller's call.</summary>
    private void StartReceiving(Socket socket, int generation)
    {
        ReceiveBuffer buffer;
        lock (_receiveLock)
        {
            buffer = _receive;
            buffer.InUseByLoop = true;
        }

        ThreadPool.UnsafeQueueUserWorkItem(
            static state => _ = state.Owner.ReceiveLoopAsync(state.Socket, state.Generation, state.Buffer),
            (Owner: this, Socket: socket, Generation: generation, Buffer: buffer),
            preferLocal: false);
    }

    private async Task ReceiveLoopAsync(Socket socket, int generation, ReceiveBuffer buffer)
    {
        var limit = Options.ReceiveBufferLimit;
        try
        {
            while (true)
            {
                Memory<byte> target = default;
                Task? paused = null;
                lock (_receiveLock)
                {
                    var room = limit - buffer.Count;
                    if (room > 0)
                    {
                        target = buffer.Reserve(room);
                    }
                    else
                    {
                        // Full: stop reading so the kernel's buffers fill and the peer's writes slow down.
                        _spaceAvailable ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                        paused = _spaceAvailable.Task;
                    }
                }

                if (paused is not null)
                {
                    await paused.ConfigureAwait(false);
                    if (generation != Volatile.Read(ref _generation))
                    {
                        return;
                    }

                    continue;
                }

                var received = await socket.ReceiveAsync(target, SocketFlags.None).ConfigureAwait(false);
                if (received == 0)
                {
                    if (Options.KeepOpenOnPeerClosed)
                    {
                        OnInputEnded(generation);
                    }
                    else
                    {
                        OnConnectionLost(generation, cause: null, drainInline: true);
                    }

                    return;
                }

                TaskCompletionSource? waiter;
                bool drain;
                lock (_receiveLock)
                {
                    buffer.Commit(received);
                    waiter = _dataWaiter;
                    _dataWaiter = null;

                    // Queued with the bytes, so a Poll after BytesAvailable grew always finds the event. Queued even
                    // while no handler is attached: one attached later (say, in a Connected handler) is raised for
                    // bytes that came before it.
                    drain = ReferenceEquals(buffer, _receive)
                        && _events.Enqueue(new PendingEvent(PendingEventKind.DataAvailable));
                }

                waiter?.TrySetResult();
                if (drain)
                {
                    // Inline: this is already a thread-pool thread, and it saves a hop on the latency path.
                    _events.StartDrain(inline: true);
                }

                if (generation != Volatile.Read(ref _generation))
                {
                    return;
                }
            }
        }
        catch (Exception e) when (e is SocketException or ObjectDisposedException)
        {
            // After a local Close the generation moved on and this reports nothing.
            OnConnectionLost(generation, e, drainInline: true);
        }
        finally
        {
            lock (_receiveLock)
            {
                buffer.InUseByLoop = false;
                if (buffer.ReleaseWhenLoopExits)
                {
                    buffer.Release();
                }
            }
        }
    }
}
