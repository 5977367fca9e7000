namespace AkkaIpc.Benchmarks;

/// <summary>Every benchmark of the program, in the order they run. A group may produce several results.</summary>
internal static class BenchmarkCatalog
{
    public sealed record Entry(string Name, Func<BenchCounts, Task<IReadOnlyList<BenchResult>>> Run);

    public static IReadOnlyList<Entry> All { get; } =
    [
        One("rtt/raw-uds/32", c => RawSocketBenchmarks.RttUdsAsync(32, c)),
        One("rtt/raw-uds/1024", c => RawSocketBenchmarks.RttUdsAsync(1024, c)),
        One("rtt/raw-tcp/32", c => RawSocketBenchmarks.RttTcpAsync(32, c)),
        One("rtt/raw-tcp/1024", c => RawSocketBenchmarks.RttTcpAsync(1024, c)),
        One("rtt/ipcsocket/32", c => IpcSocketBenchmarks.RttAsync(32, c)),
        One("rtt/ipcsocket/1024", c => IpcSocketBenchmarks.RttAsync(1024, c)),
        One("rtt/actors/32", c => ActorBenchmarks.RttAsync(32, c)),
        One("rtt/actors/1024", c => ActorBenchmarks.RttAsync(1024, c)),
        One("bulk/raw-uds", RawSocketBenchmarks.BulkUdsAsync),
        One("bulk/ipcsocket", IpcSocketBenchmarks.BulkAsync),
        One("bulk/actors", ActorBenchmarks.BulkAsync),
        One("small/raw-uds-per-send", RawSocketBenchmarks.SmallPerSendAsync),
        One("small/ipcsocket", IpcSocketBenchmarks.SmallAsync),
        One("small/actors", ActorBenchmarks.SmallAsync),
        new("scale/actors", ScaleBenchmarks.RunAsync),
        One("runtime/tell", RuntimeBenchmarks.TellAsync),
        One("runtime/pingpong", RuntimeBenchmarks.PingPongAsync),
    ];

    private static Entry One(string name, Func<BenchCounts, Task<BenchResult>> run) =>
        new(name, async c => [await run(c).ConfigureAwait(false)]);
}
