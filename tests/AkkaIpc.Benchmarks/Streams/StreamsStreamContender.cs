using Akka;
using Akka.IO;
using Akka.Streams;
using Akka.Streams.Dsl;
using AkkaIpc.Benchmarks.Contenders;
using AkkaIpc.Streams;

namespace AkkaIpc.Benchmarks.Streams;

/// <summary>
/// Akka.Streams one direction (bulk): one <c>OutgoingConnection</c> materialized for the whole run; each phase is one
/// sub-source (the sink's header, then the 64 KiB chunk as many times as asked) offered to a queue and flattened into
/// the connection, so elements flow at the stream's own pace; the sink's one-byte answer ends the phase.
/// </summary>
internal sealed class StreamsStreamContender : IStreamContender
{
    private readonly ByteString _chunk;
    private StreamsSide? _side;
    private ISourceQueueWithComplete<Source<ByteString, NotUsed>>? _phases;
    private ISinkQueue<ByteString>? _acks;

    private StreamsStreamContender()
    {
        var chunk = new byte[StreamSizes.BulkChunk];
        Random.Shared.NextBytes(chunk);
        _chunk = ByteString.FromBytes(chunk);
    }

    public string Layer => "streams";

    public static StreamsStreamContender Bulk() => new();

    public async Task StartAsync()
    {
        _side = await StreamsSide.StartAsync("sink-uds").ConfigureAwait(false);
        var ((phases, connected), acks) = Source.Queue<Source<ByteString, NotUsed>>(1, OverflowStrategy.Backpressure)
            .Via(Flow.Create<Source<ByteString, NotUsed>>().ConcatMany(phase => phase))
            .ViaMaterialized(_side.System.IpcStream().OutgoingConnection(_side.Endpoint.Path), Keep.Both)
            .ToMaterialized(Sink.Queue<ByteString>(), Keep.Both)
            .Run(_side.Materializer);
        await connected.WaitAsync(StreamsSide.Timeout).ConfigureAwait(false);
        _phases = phases;
        _acks = acks;
    }

    public async ValueTask PhaseAsync(long writes)
    {
        var phase = Source.Single(ByteString.FromBytes(RawSinkPeer.Header(writes * StreamSizes.BulkChunk)))
            .Concat(Source.Repeat(_chunk).Take(writes));
        await _phases!.OfferAsync(phase).ConfigureAwait(false);
        var ack = await _acks!.PullAsync().WaitAsync(StreamsSide.Timeout).ConfigureAwait(false);
        if (!ack.HasValue || ack.Value.Count != 1)
            throw new InvalidOperationException("the sink closed before acknowledging a phase");
    }

    public async ValueTask DisposeAsync()
    {
        _phases?.Complete();
        if (_side is not null)
            await _side.DisposeAsync().ConfigureAwait(false);
    }
}
