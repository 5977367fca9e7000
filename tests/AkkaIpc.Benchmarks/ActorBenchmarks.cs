namespace AkkaIpc.Benchmarks;

/// <summary>The actor layer (subscriber actor → socket actor → peer and back) against the same raw peers.</summary>
internal static class ActorBenchmarks
{
    public static Task<BenchResult> RttAsync(int size, BenchCounts counts) => throw new LayerMissingException("the actor layer (branch actors)");

    public static Task<BenchResult> BulkAsync(BenchCounts counts) => throw new LayerMissingException("the actor layer (branch actors)");

    public static Task<BenchResult> SmallAsync(BenchCounts counts) => throw new LayerMissingException("the actor layer (branch actors)");
}
