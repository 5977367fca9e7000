namespace AkkaIpc.Benchmarks;

/// <summary>The actor runtime alone, in process, through Akka's public API only.</summary>
internal static class RuntimeBenchmarks
{
    public static Task<BenchResult> TellAsync(BenchCounts counts) => throw new LayerMissingException("the Akka stand-in runtime (branch standin-runtime)");

    public static Task<BenchResult> PingPongAsync(BenchCounts counts) => throw new LayerMissingException("the Akka stand-in runtime (branch standin-runtime)");
}
