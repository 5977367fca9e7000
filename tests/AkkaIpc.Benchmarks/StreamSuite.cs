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
        var allocated = new Dictionary<string, long>();
        var workItems = new Dictionary<string, long>();
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
                    allocated[name] = 0;
                    workItems[name] = 0;
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
                        var bytesBefore = GC.GetTotalAllocatedBytes(precise: true);
                        var itemsBefore = ThreadPool.CompletedWorkItemCount;
                        var start = System.Diagnostics.Stopwatch.GetTimestamp();
                        await side.PhaseAsync(share).ConfigureAwait(false);
                        ticks[name] += System.Diagnostics.Stopwatch.GetTimestamp() - start;
                        allocated[name] += GC.GetTotalAllocatedBytes(precise: true) - bytesBefore;
                        workItems[name] += ThreadPool.CompletedWorkItemCount - itemsBefore;
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
                // Only one contender runs at a time, so what this process allocated meanwhile is its doing.
                run.Log($"{name}: per write in this process: {allocated[name] / (double)measuredUnits:0.0} bytes allocated, " +
                        $"{workItems[name] / (double)measuredUnits:0.000} thread-pool work items");
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
