using Akka.Actor;

namespace AkkaIpc.Benchmarks.Actors;

/// <summary>
/// Subscriber of the scale benchmark's server (the layer's Serve): echoes every <see cref="Received"/> back to
/// the connection it came from (the event's sender) and counts live connections for <see cref="GetConnections"/>.
/// </summary>
internal sealed class EchoServer : ReceiveActor
{
    private int _connections;

    public EchoServer()
    {
        Receive<Received>(r => Sender.Tell(new Write(r.Data), Self));
        Receive<PeerConnected>(_ => _connections++);
        Receive<PeerDisconnected>(_ => _connections--);
        Receive<GetConnections>(_ => Sender.Tell(_connections));
        ReceiveAny(_ =>
        {
            // Subscribed, IpcError of a leaving client, ...: the connection count covers what matters.
        });
    }

    public sealed record GetConnections
    {
        public static GetConnections Instance { get; } = new();
    }
}
