using Akka.IO;
using Akka.Streams.Dsl;
using AkkaIpc.Benchmarks.Contenders;
using AkkaIpc.Streams;

namespace AkkaIpc.Benchmarks.Streams;

/// <summary>
/// Akka.Streams against the raw echo peer: a <see cref="PingPongStage"/> joined to an <c>OutgoingConnection</c>, so
/// each message goes stage → connection → peer → connection → stage inside one materialized graph, and the stage
/// times each round trip itself (as the actor contender's subscriber does).
/// </summary>
internal sealed class StreamsRoundTripContender : IRoundTripContender
{
    private StreamsSide? _side;
    private PingPongStage.Control? _control;

    public string Layer => "streams";

    public async Task StartAsync(int size)
    {
        var message = new byte[size];
        Random.Shared.NextBytes(message);
        _side = await StreamsSide.StartAsync("echo-uds").ConfigureAwait(false);
        var (connected, control) = _side.System.IpcStream().OutgoingConnection(_side.Endpoint.Path)
            .JoinMaterialized(Flow.FromGraph(new PingPongStage(ByteString.FromBytes(message))), (c, p) => (c, p))
            .Run(_side.Materializer);
        await connected.WaitAsync(StreamsSide.Timeout).ConfigureAwait(false);
        _control = control;
    }

    public async ValueTask RunAsync(int count, LatencyRecorder recorder) =>
        await _control!.RunAsync(count, recorder).WaitAsync(StreamsSide.Timeout).ConfigureAwait(false);

    public async ValueTask DisposeAsync()
    {
        if (_side is not null)
            await _side.DisposeAsync().ConfigureAwait(false);
    }
}
