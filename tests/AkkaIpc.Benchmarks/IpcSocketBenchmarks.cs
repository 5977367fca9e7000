namespace AkkaIpc.Benchmarks;

/// <summary>IpcSocket against the same raw peers as the baselines.</summary>
internal static class IpcSocketBenchmarks
{
    public static Task<BenchResult> RttAsync(int size, BenchCounts counts) => throw new LayerMissingException("IpcSocket (branch sockets)");

    public static Task<BenchResult> BulkAsync(BenchCounts counts) => throw new LayerMissingException("IpcSocket (branch sockets)");

    public static Task<BenchResult> SmallAsync(BenchCounts counts) => throw new LayerMissingException("IpcSocket (branch sockets)");
}
