using AkkaIpc.Benchmarks.Contenders;

namespace AkkaIpc.Benchmarks;

/// <summary>
/// One-direction throughput of every contender (bulk bytes or small messages). Each contender is warmed up on
/// its own; the measured units are then sent in interleaved phases (the order rotating each round) and the
/// phase times summed, so load changes during the run fall on every contender alike.
/// </summary>
internal static class StreamSuite
{
    public sealed record Contender(string Layer, Func<IStreamContender> Create);

    /// <param name="run">The run to report to.</param>
    /// <param name="kind"><c>bulk</c> (64 KiB writes, figure MB/s) or <c>small</c> (32-byte writes, figure msgs/s).</param>
    /// <param name="warmupUnits">Writes of one warm-up phase.</param>
    /// <param name="measuredUnits">Writes measured per contender in total.</param>
    /// <param name="contenders">The sides under test.</param>
    public static Task RunAsync(BenchRun run, string kind, long warmupUnits, long measuredUnits, IReadOnlyList<Contender> contenders) =>
        InterleavedRounds.RunAsync(
            run,
            contenders.Select(c => ($"{kind}/{c.Layer}", c.Create)),
            async entry =>
            {
                await entry.Side.StartAsync().ConfigureAwait(false);
                await Phases.WarmUpAsync(run.Counts.Warmup, 2, () => entry.Side.PhaseAsync(warmupUnits)).ConfigureAwait(false);
            },
            measuredUnits,
            (entry, share) => entry.Side.PhaseAsync(share),
            entry =>
            {
                run.Log($"{entry.Name}: per write in this process: {entry.Cost.PerUnit(measuredUnits)}");
                var seconds = LatencyRecorder.Seconds(entry.Ticks);
                run.Add(kind == "bulk"
                    ? new BenchResult(entry.Name).With("mb_per_s", measuredUnits * (double)StreamSizes.BulkChunk / 1e6 / seconds)
                    : new BenchResult(entry.Name).With("msgs_per_s", measuredUnits / seconds));
            });
}
