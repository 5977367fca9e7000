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
    public static async Task RunAsync(BenchRun run, string kind, long warmupUnits, long measuredUnits, IReadOnlyList<Contender> contenders)
    {
        var counts = run.Counts;
        var active = new List<(string Name, IStreamContender Side)>();
        var ticks = new Dictionary<string, long>();
        var costs = new Dictionary<string, PhaseCost>();
        try
        {
            foreach (var contender in contenders)
            {
                var name = $"{kind}/{contender.Layer}";
                if (!run.Selects(name))
                    continue;
                IStreamContender? side = null;
                try
                {
                    side = contender.Create();
                    await side.StartAsync().ConfigureAwait(false);
                    await Phases.WarmUpAsync(counts.Warmup, 2, () => side.PhaseAsync(warmupUnits)).ConfigureAwait(false);
                    active.Add((name, side));
                    ticks[name] = 0;
                    costs[name] = new PhaseCost();
                    run.Log($"{name}: connected and warmed up");
                }
                catch (Exception e) when (e is not OutOfMemoryException)
                {
                    run.Fail(name, e);
                    if (side is not null)
                        await side.DisposeAsync().ConfigureAwait(false);
                }
            }

            var failed = new HashSet<string>();
            for (var round = 0; round < counts.Rounds; round++)
            {
                var share = measuredUnits / counts.Rounds + (round == counts.Rounds - 1 ? measuredUnits % counts.Rounds : 0);
                for (var k = 0; k < active.Count; k++)
                {
                    var (name, side) = active[(k + round) % active.Count];
                    if (failed.Contains(name))
                        continue;
                    try
                    {
                        ticks[name] += await costs[name].MeasureAsync(() => side.PhaseAsync(share)).ConfigureAwait(false);
                    }
                    catch (Exception e) when (e is not OutOfMemoryException)
                    {
                        failed.Add(name);
                        run.Fail(name, e);
                    }
                }
            }

            foreach (var (name, _) in active.Where(a => !failed.Contains(a.Name)))
            {
                run.Log($"{name}: per write in this process: {costs[name].PerUnit(measuredUnits)}");
                var seconds = LatencyRecorder.Seconds(ticks[name]);
                run.Add(kind == "bulk"
                    ? new BenchResult(name).With("mb_per_s", measuredUnits * (double)StreamSizes.BulkChunk / 1e6 / seconds)
                    : new BenchResult(name).With("msgs_per_s", measuredUnits / seconds));
            }
        }
        finally
        {
            foreach (var (_, side) in active)
                await side.DisposeAsync().ConfigureAwait(false);
        }
    }
}
