using System.Collections.Immutable;
using Akka.Actor;
using AkkaIpc.Benchmarks.Contenders;

namespace AkkaIpc.Benchmarks.Actors;

/// <summary>
/// The actor layer against the raw echo peer: subscriber actor → socket actor → peer → socket actor →
/// subscriber actor; the subscriber times each round trip itself.
/// </summary>
internal sealed class ActorRoundTripContender : IRoundTripContender
{
    private ActorSide? _side;
    private ImmutableArray<byte> _message;

    public string Layer => "actors";

    public async Task StartAsync(int size)
    {
        var message = new byte[size];
        Random.Shared.NextBytes(message);
        _message = ImmutableArray.Create(message);
        _side = await ActorSide.StartAsync("echo-uds").ConfigureAwait(false);
    }

    public async ValueTask RunAsync(int count, LatencyRecorder recorder) =>
        await _side!.Client.Ask<ActorClient.Done>(new ActorClient.PingPong(_message, count, recorder), ActorSide.Timeout).ConfigureAwait(false);

    public async ValueTask DisposeAsync()
    {
        if (_side is not null)
            await _side.DisposeAsync().ConfigureAwait(false);
    }
}
