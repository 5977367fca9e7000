using Akka.Actor;
using Akka.Event;
using AkkaIpc.Sockets;

namespace AkkaIpc.Internal;

/// <summary>The socket side of <see cref="SocketActor"/>: event plumbing and delivery of received bytes.</summary>
internal sealed partial class SocketActor
{
    private void Attach(IpcSocket socket)
    {
        socket.Connected += OnSocketConnected;
        socket.DataAvailable += OnSocketDataAvailable;
        socket.Error += OnSocketError;
        socket.PeerRejected += OnSocketPeerRejected;
    }

    /// <summary>Detaches and disposes the socket (closing it; a listener removes its own socket file).</summary>
    private void ReleaseSocket()
    {
        // First, so no byte is delivered from a socket being disposed (or after the subscribers were told it is down).
        _delivery.Stop();
        if (_socket is not { } socket)
            return;
        _socket = null;
        socket.Connected -= OnSocketConnected;
        socket.DataAvailable -= OnSocketDataAvailable;
        socket.Error -= OnSocketError;
        socket.PeerRejected -= OnSocketPeerRejected;
        try
        {
            socket.Dispose();
        }
        catch (Exception ex)
        {
            // PostStop must not throw; a failing close only leaves something to log.
            _log.Warning("Closing the IPC socket {0} failed: {1}", _path, ex.Message);
        }
    }

    // The handlers below run on the socket's thread: they only tell Self (captured in _self), never touch state.
    private void OnSocketConnected(object? sender, EventArgs e) => _self.Tell(ConnectCompleted.Instance, ActorRefs.NoSender);

    private void OnSocketError(object? sender, IpcErrorEventArgs e) => _self.Tell(new SocketFaulted(e.Exception), ActorRefs.NoSender);

    private void OnSocketPeerRejected(object? sender, IpcPeerRejectedEventArgs e) =>
        _self.Tell(new PeerRejected(e.Credentials), ActorRefs.NoSender);

    // Delivery reads the bytes here, on the socket's thread, under its own lock; see ReceivedDelivery.
    private void OnSocketDataAvailable(object? sender, EventArgs e)
    {
        if (sender is IpcSocket socket)
            _delivery.Deliver(socket);
    }

    /// <summary>Connected: subscribers (told Connected already) get bytes from now on, first any already buffered.</summary>
    private void OpenDelivery()
    {
        _delivery.Open([.. _subscribers.Members]);
        DeliverBuffered();
    }

    /// <summary>From the actor's thread: delivers what the socket holds, as far as the window allows.</summary>
    private void DeliverBuffered()
    {
        if (_socket is { } socket)
            _delivery.Deliver(socket);

        // The peer's last bytes are all out (or nobody is left to take them): now the loss is reported.
        if (_pendingLoss is { } loss && (_socket is not { BytesAvailable: > 0 } || _subscribers.Members.Count == 0))
            GoDown(loss.ErrorNumber, loss.Message, DisconnectionOf(loss));
    }
}
