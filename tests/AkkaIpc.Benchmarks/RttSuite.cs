using AkkaIpc.Benchmarks.Contenders;

namespace AkkaIpc.Benchmarks;

/// <summary>
/// Round-trip latency of every contender for one message size. Each contender is warmed up on its own; the
/// measured round trips are then taken in interleaved rounds (the order rotating each round), so a change
/// in the machine's load during the run falls on every contender alike and the ratios stay meaningful.
/// </summary>
internal static class RttSuite
{
    public sealed record Contender(string Layer, Func<IRoundTripContender> Create);

    public static async Task RunAsync(BenchRun run, int size, IReadOnlyList<Contender> contenders)
    {
        var counts = run.Counts;
        var active = new List<(string Name, IRoundTripContender Side, LatencyRecorder Recorder)>();
        var costs = new Dictionary<string, PhaseCost>();
        try
        {
            foreach (var contender in contenders)
            {
                var name = $"rtt/{contender.Layer}/{size}";
                if (!run.Selects(name))
                    continue;
                IRoundTripContender? side = null;
                try
                {
                    side = contender.Create();
                    await side.StartAsync(size).ConfigureAwait(false);
                    var scratch = new LatencyRecorder(500);
                    await Phases.WarmUpAsync(counts.Warmup, 2, async () =>
                    {
                        scratch.Clear();
                        await side.RunAsync(500, scratch).ConfigureAwait(false);
                    }).ConfigureAwait(false);
                    active.Add((name, side, new LatencyRecorder(counts.RoundTrips)));
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
                var share = counts.RoundTrips / counts.Rounds + (round == counts.Rounds - 1 ? counts.RoundTrips % counts.Rounds : 0);
                for (var k = 0; k < active.Count; k++)
                {
                    var (name, side, recorder) = active[(k + round) % active.Count];
                    if (failed.Contains(name))
                        continue;
                    try
                    {
                        await costs[name].MeasureAsync(() => side.RunAsync(share, recorder)).ConfigureAwait(false);
                    }
                    catch (Exception e) when (e is not OutOfMemoryException)
                    {
                        failed.Add(name);
                        run.Fail(name, e);
                    }
                }
            }

            foreach (var (name, _, recorder) in active.Where(a => !failed.Contains(a.Name)))
            {
                run.Log($"{name}: per round trip in this process: {costs[name].PerUnit(counts.RoundTrips)}");
                run.Add(recorder.ToRttResult(name));
            }
        }
        finally
        {
            foreach (var (_, side, _) in active)
                await side.DisposeAsync().ConfigureAwait(false);
        }
    }
}
