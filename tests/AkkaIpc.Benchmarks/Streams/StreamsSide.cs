using Akka.Actor;
using Akka.Streams;
using AkkaIpc.Benchmarks.Contenders;

namespace AkkaIpc.Benchmarks.Streams;

/// <summary>What every Akka.Streams contender sets up: a peer process, an actor system and its materializer.</summary>
internal sealed class StreamsSide : IAsyncDisposable
{
    public static readonly TimeSpan Timeout = TimeSpan.FromMinutes(2);

    private StreamsSide(PeerEndpoint endpoint, ActorSystem system)
    {
        Endpoint = endpoint;
        System = system;
        Materializer = system.Materializer();
    }

    public PeerEndpoint Endpoint { get; }

    public ActorSystem System { get; }

    public IMaterializer Materializer { get; }

    public static async Task<StreamsSide> StartAsync(string peerMode) =>
        new(await PeerEndpoint.StartAsync(peerMode).ConfigureAwait(false), BenchSystem.Create("bench-streams"));

    public async ValueTask DisposeAsync()
    {
        await System.Terminate().WaitAsync(Timeout).ConfigureAwait(false);
        await Endpoint.DisposeAsync().ConfigureAwait(false);
    }
}
