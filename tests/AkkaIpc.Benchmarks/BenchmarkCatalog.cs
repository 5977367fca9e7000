namespace AkkaIpc.Benchmarks;

/// <summary>Every benchmark of the program, in the order they run. A group may produce several results.</summary>
internal static class BenchmarkCatalog
{
    /// <param name="Name">The result name, or the prefix of a group's result names.</param>
    /// <param name="Run">Runs the benchmark with the mode's counts.</param>
    /// <param name="OptIn">Runs only when named by <c>--only</c> (comparisons outside the report's fixed names).</param>
    public sealed record Entry(string Name, Func<BenchCounts, Task<IReadOnlyList<BenchResult>>> Run, bool OptIn = false);

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
        new("scale/actors", ScaleBenchmarks.ActorsAsync),
        new("scale/raw-uds", ScaleBenchmarks.RawAsync, OptIn: true),
        One("runtime/tell", RuntimeBenchmarks.TellAsync),
        One("runtime/pingpong", RuntimeBenchmarks.PingPongAsync),
    ];

    private static Entry One(string name, Func<BenchCounts, Task<BenchResult>> run) =>
        new(name, async c => [await run(c).ConfigureAwait(false)]);
}
