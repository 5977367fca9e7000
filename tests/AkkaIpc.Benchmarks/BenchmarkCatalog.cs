using AkkaIpc.Benchmarks.Actors;
using AkkaIpc.Benchmarks.Contenders;
using AkkaIpc.Benchmarks.Remote;
using AkkaIpc.Benchmarks.Runtime;
using AkkaIpc.Benchmarks.Sockets;
using AkkaIpc.Benchmarks.Streams;

namespace AkkaIpc.Benchmarks;

/// <summary>Every benchmark of the program, in the order they run. Each entry filters its results by <c>--only</c>.</summary>
internal static class BenchmarkCatalog
{
    /// <param name="Name">The entry's name (a prefix of its result names).</param>
    /// <param name="Run">Runs the entry, adding results and failures to the run.</param>
    public sealed record Entry(string Name, Func<BenchRun, Task> Run);

    private static readonly RttSuite.Contender[] RttContenders =
    [
        new("raw-uds", () => new RawRoundTripContender(tcp: false)),
        new("raw-tcp", () => new RawRoundTripContender(tcp: true)),
        new("ipcsocket", () => new IpcSocketRoundTripContender()),
        new("actors", () => new ActorRoundTripContender()),
    ];

    // Akka.Streams has a row at 32 bytes only.
    private static readonly RttSuite.Contender[] Rtt32Contenders =
    [
        .. RttContenders,
        new("streams", () => new StreamsRoundTripContender()),
    ];

    private static readonly StreamSuite.Contender[] BulkContenders =
    [
        new("raw-uds", RawStreamContender.Bulk),
        new("ipcsocket", IpcSocketStreamContender.Bulk),
        new("actors", ActorStreamContender.Bulk),
        new("streams", StreamsStreamContender.Bulk),
    ];

    private static readonly StreamSuite.Contender[] SmallContenders =
    [
        new("raw-uds-per-send", RawStreamContender.Small),
        new("ipcsocket", IpcSocketStreamContender.Small),
        new("actors", ActorStreamContender.Small),
    ];

    public static IReadOnlyList<Entry> All { get; } =
    [
        new("rtt/32", r => RttSuite.RunAsync(r, 32, Rtt32Contenders)),
        new("rtt/1024", r => RttSuite.RunAsync(r, 1024, RttContenders)),
        new("bulk", r => StreamSuite.RunAsync(r, "bulk", 1024, r.Counts.BulkBytes / StreamSizes.BulkChunk, BulkContenders)),
        new("small", r => StreamSuite.RunAsync(r, "small", 100_000, r.Counts.SmallMessages, SmallContenders)),
        new("scale", ScaleBenchmarks.RunAsync),
        new("remote/32", RemoteBenchmarks.RunAsync),
        new("runtime/tell", RuntimeBenchmarks.TellAsync),
        new("runtime/pingpong", RuntimeBenchmarks.PingPongAsync),
    ];
}
