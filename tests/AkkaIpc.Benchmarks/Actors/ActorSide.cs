using Akka.Actor;
using AkkaIpc.Benchmarks.Contenders;

namespace AkkaIpc.Benchmarks.Actors;

/// <summary>
/// What every actor-layer contender sets up: a peer process, an actor system, an <see cref="ActorClient"/>
/// subscribed to a connector on the peer's path (raw framing, default settings), connected.
/// </summary>
internal sealed class ActorSide : IAsyncDisposable
{
    public static readonly TimeSpan Timeout = TimeSpan.FromMinutes(2);

    private ActorSide(PeerEndpoint endpoint, ActorSystem system, IActorRef client)
    {
        Endpoint = endpoint;
        System = system;
        Client = client;
    }

    public PeerEndpoint Endpoint { get; }

    public ActorSystem System { get; }

    public IActorRef Client { get; }

    public static async Task<ActorSide> StartAsync(string peerMode)
    {
        var endpoint = await PeerEndpoint.StartAsync(peerMode).ConfigureAwait(false);
        var system = BenchSystem.Create("bench-actors");
        try
        {
            var client = system.ActorOf(Props.Create(() => new ActorClient()), "client");
            system.Ipc().Connect(endpoint.Path, client, system.Ipc().Settings.Socket.WithFraming(IpcFraming.Raw), "socket");
            await client.Ask<ActorClient.Done>(ActorClient.AwaitConnected.Instance, Timeout).ConfigureAwait(false);
            return new ActorSide(endpoint, system, client);
        }
        catch
        {
            await system.Terminate().WaitAsync(Timeout).ConfigureAwait(false);
            await endpoint.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await System.Terminate().WaitAsync(Timeout).ConfigureAwait(false);
        await Endpoint.DisposeAsync().ConfigureAwait(false);
    }
}
