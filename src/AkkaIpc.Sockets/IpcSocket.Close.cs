using System.Net.Sockets;
using AkkaIpc.Sockets.Internal;

namespace AkkaIpc.Sockets;

public sealed partial class IpcSocket
{
    /// <summary>
    /// Closes the connection (or stops listening), first waiting up to <see cref="IpcSocketOptions.CloseLinger"/> for
    /// written bytes still queued to reach the kernel (from where they still reach the peer). See
    /// <see cref="Close(TimeSpan)"/>.
    /// </summary>
    /// <exception cref="IpcSocketException">106 when written bytes could not be delivered within the linger; the
    /// socket is closed all the same.</exception>
    public void Close() => Close(Options.CloseLinger);

    /// <summary>
    /// Closes the connection (or stops listening), first waiting up to <paramref name="linger"/> for written bytes still
    /// queued to reach the kernel, from where they still reach the peer. The peer raises <see cref="Error"/> with 102 at
    /// once (the connection is shut down before its descriptor closes, so a child process this one is starting, which
    /// holds copies of its descriptors until it execs, cannot keep it open); this socket raises nothing more. A listener removes its socket file, but only if the file at <see cref="Path"/>
    /// is still the one it created (same device and inode). Bytes the kernel did not take within the linger (the peer
    /// does not read) are dropped and reported: pending <see cref="WriteAsync"/>/<see cref="FlushAsync"/> calls fail
    /// with 106 (a WriteAsync whose memory a send is reading at that moment fails as soon as that send, aborted by the
    /// close, has returned), and this call throws 106 naming how many bytes were dropped, after closing. Unread
    /// received bytes are dropped. Idempotent; the socket can Listen or Connect again afterwards.
    /// </summary>
    /// <param name="linger">How long to wait for queued bytes; <see cref="TimeSpan.Zero"/> closes at once,
    /// <see cref="Timeout.InfiniteTimeSpan"/> waits as long as the connection lasts.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="linger"/> is negative and not infinite.</exception>
    /// <exception cref="IpcSocketException">106 when written bytes could not be delivered within the linger; the
    /// socket is closed all the same.</exception>
    public void Close(TimeSpan linger)
    {
        ThrowIfBadLinger(linger);
        if (linger != TimeSpan.Zero && PendingFlush() is { } flushed)
        {
            try
            {
                flushed.Wait(linger);
            }
            catch (AggregateException)
            {
                // Lost or closed meanwhile: CloseNow reports whatever is still queued.
            }
        }

        CloseNow(linger);
    }

    /// <summary>Closes the socket like <see cref="Close()"/>, waiting for queued bytes without blocking a thread.</summary>
    /// <returns>A task that completes once the socket is closed.</returns>
    /// <exception cref="IpcSocketException">106 when written bytes could not be delivered within the linger; the
    /// socket is closed all the same.</exception>
    public async ValueTask CloseAsync()
    {
        var linger = Options.CloseLinger;
        if (linger != TimeSpan.Zero && PendingFlush() is { } flushed)
        {
            try
            {
                await flushed.WaitAsync(linger).ConfigureAwait(false);
            }
            catch (Exception e) when (e is IpcSocketException or TimeoutException)
            {
                // Lost, closed or timed out: CloseNow reports whatever is still queued.
            }
        }

        CloseNow(linger);
    }

    private static void ThrowIfBadLinger(TimeSpan linger)
    {
        if (linger < TimeSpan.Zero && linger != Timeout.InfiniteTimeSpan)
        {
            throw new ArgumentOutOfRangeException(nameof(linger), linger, "Must be >= 0 or infinite.");
        }
    }

    /// <summary>Starts sending what is queued and returns the wait for it, or null when nothing is queued.</summary>
    private Task? PendingFlush()
    {
        try
        {
            return IsConnected && BytesLeftToSend > 0 ? FlushAsync().AsTask() : null;
        }
        catch (IpcSocketException)
        {
            // Not connected any more: nothing can be sent.
            return null;
        }
    }

    /// <summary>Tears the connection down and throws 106 if written bytes were still queued.</summary>
    private void CloseNow(TimeSpan linger)
    {
        var dropped = 0;
        IpcSocketException? report = null;
        lock (_gate)
        {
            var closed = new IpcSocketException(
                IpcErrorCode.InvalidStateError, "the socket was closed", _path.Length == 0 ? null : _path);
            if (_state != SocketState.Closed)
            {
                dropped = _state == SocketState.Connected ? LeftToSend : 0;
                Teardown(closed);
            }

            ResetReceiveBuffer(lostException: null);
            if (dropped > 0)
            {
                report = Fail(
                    IpcErrorCode.InvalidStateError,
                    $"closed with {dropped} written bytes not delivered: the kernel did not take them within the linger of {linger}");
            }
        }

        _events.Clear();
        if (report is not null)
        {
            throw report;
        }
    }

    /// <summary>The peer went away (EOF, reset, EPIPE): tear down and raise 102, once per connection.</summary>
    private void OnConnectionLost(int generation, Exception? cause, bool drainInline)
    {
        bool drain;
        lock (_gate)
        {
            if (generation != _generation || _state != SocketState.Connected)
            {
                // Closed locally, or already reported by the other direction.
                return;
            }

            var lost = Fail(SocketErrors.LostConnection(_path, cause));

            // Queued before IsConnected turns false (it is read without the lock), so whoever sees it false can Poll
            // the error. A Poll racing with this raises it early, but a handler calling the socket waits for the lock.
            drain = _events.Enqueue(new PendingEvent(PendingEventKind.Error, lost));

            // Likewise the loss is recorded for ReadAsync (which reads the state without the gate) before the state changes.
            ResetReceiveBuffer(lost);
            Teardown(lost);
        }

        if (drain)
        {
            _events.StartDrain(drainInline);
        }
    }

    /// <summary>
    /// A send failed. When the peer is gone (EPIPE, ECONNRESET) only the sending half ends: queued writes fail with 102
    /// and later ones are refused with 102, while the receive loop goes on, so the bytes the peer sent before it closed
    /// (still in our kernel's receive queue) are delivered before the end of the stream raises 102. Any other error
    /// ends the connection at once.
    /// </summary>
    private void OnSendFailed(int generation, Exception cause)
    {
        bool inputEnded;
        lock (_receiveLock)
        {
            inputEnded = _inputEnded;
        }

        // After the peer's end of stream (KeepOpenOnPeerClosed) nothing is left to read: the loss is reported now.
        if (cause is not SocketException e || !SocketErrors.IsConnectionLoss(e) || inputEnded)
        {
            OnConnectionLost(generation, cause, drainInline: false);
            return;
        }

        lock (_gate)
        {
            if (generation != _generation || _state != SocketState.Connected || _sendLost is not null)
            {
                return;
            }

            _sendLost = SocketErrors.LostConnection(_path, cause);
            DropSendQueue(_sendLost);
        }
    }

    /// <summary>The listening socket failed (not by Close): tear down and raise 100.</summary>
    private void OnListenerFailed(int generation, Exception cause)
    {
        bool drain;
        lock (_gate)
        {
            if (generation != _generation || _state != SocketState.Listening)
            {
                return;
            }

            var failed = Fail(IpcErrorCode.OpenDriverError, $"accepting a peer failed: {cause.Message}", cause);
            Teardown(failed);
            drain = _events.Enqueue(new PendingEvent(PendingEventKind.Error, failed));
        }

        if (drain)
        {
            _events.StartDrain(inline: false);
        }
    }

    /// <summary>Releases the OS resources of the current connection; called under the gate.</summary>
    private void Teardown(IpcSocketException reason)
    {
        _generation++;
        _state = SocketState.Closed;
        _sendLost = null;
        if (_ownedFile is { } identity)
        {
            // Before closing the listener: while it is bound it pins the inode, so no new file can reuse the number.
            SocketFile.RemoveIfOwned(_path, identity);
            _ownedFile = null;
        }

        _socket?.ShutdownAndDispose();
        _socket = null;
        _listener?.Dispose();
        _listener = null;

        if (reason.ErrorNumber != IpcErrorCode.LostConnection)
        {
            _peer = null;
        }

        _connectedSignal?.TrySetException(reason);
        _connectedSignal = null;
        DropSendQueue(reason);
    }
}
