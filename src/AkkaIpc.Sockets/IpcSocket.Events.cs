using AkkaIpc.Sockets.Internal;

namespace AkkaIpc.Sockets;

public sealed partial class IpcSocket
{
    /// <summary>
    /// Raised on both ends once connected. In automatic mode on a thread-pool thread, in manual mode inside
    /// <see cref="Poll"/>; never concurrently with another event of this socket.
    /// </summary>
    public event EventHandler? Connected;

    /// <summary>
    /// Raised when new bytes are in the receive buffer, as soon as they arrive (coalesced: read
    /// <see cref="BytesAvailable"/> or <see cref="ReadAll()"/> to get everything). Raised only while bytes are buffered.
    /// </summary>
    public event EventHandler? DataAvailable;

    /// <summary>
    /// Raised on errors found after a call returned, chiefly 102 on the surviving end when the peer closes, resets or
    /// dies; also 100 when accepting fails, and 106 when a handler of this socket threw (see remarks). The socket is
    /// closed when it is raised (after a 102, bytes already buffered stay readable).
    /// </summary>
    /// <remarks>
    /// In <see cref="IpcEventMode.Automatic"/> mode an exception thrown by a Connected, DataAvailable, SendProgress or
    /// PeerRejected handler does not reach the thread pool (where it would end the process): the socket closes as by
    /// <see cref="Close()"/> (unread bytes are dropped, the peer sees 102) and raises Error with 106, the handler's
    /// exception as <see cref="Exception.InnerException"/>. It can Listen or Connect again afterwards. An exception
    /// thrown by an Error handler itself cannot be reported further and is dropped; <see cref="LastErrorCode"/> stays
    /// as the reported error set it. In manual mode the exception propagates out of <see cref="Poll"/>.
    /// </remarks>
    public event EventHandler<IpcErrorEventArgs>? Error;

    /// <summary>Raised after written bytes reached the kernel (coalesced), with the counters at that moment.</summary>
    public event EventHandler<IpcSendProgressEventArgs>? SendProgress;

    /// <summary>Raised when a listening socket closed a peer whose uid <see cref="IpcSocketOptions"/> do not allow; listening goes on.</summary>
    public event EventHandler<IpcPeerRejectedEventArgs>? PeerRejected;

    /// <summary>
    /// Raises the events that are due, on the calling thread (for <see cref="IpcEventMode.Manual"/>; in automatic mode
    /// events are already raised as they happen and this does nothing). I/O itself runs in the background in both
    /// modes. Raises the events queued when the call starts; a no-op when called from inside a handler of this socket.
    /// </summary>
    /// <exception cref="Exception">Whatever a handler throws (manual mode), after which the remaining events stay queued.</exception>
    public void Poll() => _events.Poll();

    /// <summary>A handler threw (automatic mode), on the thread raising events: close and report it; see <see cref="Error"/>.</summary>
    private void OnHandlerFailed(PendingEvent e, Exception exception)
    {
        if (e.Kind == PendingEventKind.Error)
        {
            // Nothing is left to report it through (see Error's remarks).
            return;
        }

        lock (_gate)
        {
            if (_state == SocketState.Closed)
            {
                // Closed meanwhile: no event is raised after Close.
                return;
            }

            var failed = Fail(
                IpcErrorCode.InvalidStateError, $"a {e.Kind} handler threw {exception.GetType().Name}: {exception.Message}", exception);
            Teardown(failed);
            ResetReceiveBuffer(lostException: null);
            _events.Clear();

            // Raised by the drain that is running this call.
            _events.Enqueue(new PendingEvent(PendingEventKind.Error, failed));
        }
    }

    private void Raise(PendingEvent e)
    {
        switch (e.Kind)
        {
            case PendingEventKind.Connected:
                Connected?.Invoke(this, EventArgs.Empty);
                break;
            case PendingEventKind.DataAvailable:
                if (BytesAvailable > 0)
                {
                    DataAvailable?.Invoke(this, EventArgs.Empty);
                }

                break;
            case PendingEventKind.SendProgress:
                SendProgress?.Invoke(this, new IpcSendProgressEventArgs(TotalBytesSent, BytesLeftToSend));
                break;
            case PendingEventKind.Error:
                Error?.Invoke(this, new IpcErrorEventArgs((IpcSocketException)e.Payload!));
                break;
            case PendingEventKind.PeerRejected:
                PeerRejected?.Invoke(this, new IpcPeerRejectedEventArgs((PeerCredentials)e.Payload!));
                break;
        }
    }
}
