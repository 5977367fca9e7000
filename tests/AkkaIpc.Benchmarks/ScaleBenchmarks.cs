namespace AkkaIpc.Benchmarks;

/// <summary>Many client connections to one actor-layer server (Serve) in its own process.</summary>
internal static class ScaleBenchmarks
{
    public static Task<IReadOnlyList<BenchResult>> RunAsync(BenchCounts counts) => throw new LayerMissingException("the actor layer's Serve (branch actors)");
}
