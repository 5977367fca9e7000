namespace AkkaIpc.Benchmarks;

/// <summary>Stand-in until the Akka stand-in runtime is merged: fails loudly, makes up nothing.</summary>
internal static class RuntimeBenchmarks
{
    public static Task TellAsync(BenchRun run) => Fail(run, "runtime/tell");

    public static Task PingPongAsync(BenchRun run) => Fail(run, "runtime/pingpong");

    private static Task Fail(BenchRun run, string name)
    {
        if (run.Selects(name))
            run.Fail(name, new LayerMissingException("the Akka stand-in runtime (branch standin-runtime)"));
        return Task.CompletedTask;
    }
}
