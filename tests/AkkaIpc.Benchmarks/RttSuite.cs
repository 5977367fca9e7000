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

    public static Task RunAsync(BenchRun run, int size, IReadOnlyList<Contender> contenders)
    {
        var counts = run.Counts;
        var recorders = new Dictionary<string, LatencyRecorder>();
        return InterleavedRounds.RunAsync(
            run,
            contenders.Select(c => ($"rtt/{c.Layer}/{size}", c.Create)),
            async entry =>
            {
                await entry.Side.StartAsync(size).ConfigureAwait(false);
                var scratch = new LatencyRecorder(500);
                await Phases.WarmUpAsync(counts.Warmup, 2, async () =>
                {
                    scratch.Clear();
                    await entry.Side.RunAsync(500, scratch).ConfigureAwait(false);
                }).ConfigureAwait(false);
                recorders[entry.Name] = new LatencyRecorder(counts.RoundTrips);
            },
            counts.RoundTrips,
            (entry, share) => entry.Side.RunAsync((int)share, recorders[entry.Name]),
            entry =>
            {
                run.Log($"{entry.Name}: per round trip in this process: {entry.Cost.PerUnit(counts.RoundTrips)}");
                run.Add(recorders[entry.Name].ToRttResult(entry.Name));
            });
    }
}
