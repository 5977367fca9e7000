using System.Collections.Immutable;
using Akka.Actor;
using AkkaIpc.Benchmarks.Contenders;

namespace AkkaIpc.Benchmarks.Actors;

/// <summary>
/// The actor layer one direction: one Write command per 64 KiB (bulk: an ack on every 16th, at most 3 MiB
/// unacknowledged, under the default 4 MiB send queue) or per 32-byte message (small: an ack on every
/// 1,024th, at most 8 groups unacknowledged).
/// </summary>
internal sealed class ActorStreamContender : IStreamContender
{
    private readonly ImmutableArray<byte> _chunk;
    private readonly int _ackEvery;
    private readonly int _window;
    private ActorSide? _side;

    private ActorStreamContender(int chunk, int ackEvery, int window)
    {
        var data = new byte[chunk];
        Random.Shared.NextBytes(data);
        _chunk = ImmutableArray.Create(data);
        _ackEvery = ackEvery;
        _window = window;
    }

    public string Layer => "actors";

    public static ActorStreamContender Bulk() => new(StreamSizes.BulkChunk, ackEvery: 16, window: 3);

    public static ActorStreamContender Small() => new(StreamSizes.SmallMessage, ackEvery: 1024, window: 8);

    public async Task StartAsync() => _side = await ActorSide.StartAsync("sink-uds").ConfigureAwait(false);

    public async ValueTask PhaseAsync(long writes) =>
        await _side!.Client.Ask<ActorClient.Done>(new ActorClient.Stream(_chunk, writes, _ackEvery, _window), ActorSide.Timeout)
            .ConfigureAwait(false);

    public async ValueTask DisposeAsync()
    {
        if (_side is not null)
            await _side.DisposeAsync().ConfigureAwait(false);
    }
}
