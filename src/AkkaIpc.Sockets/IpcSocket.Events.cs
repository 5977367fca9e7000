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
    /// dies; also 100 when accepting fails. The socket is closed when it is raised (buffered bytes stay readable).
    /// </summary>
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
