using System.Diagnostics;

namespace AkkaIpc.Benchmarks;

/// <summary>
/// Runs a one-direction benchmark as phases against <see cref="RawSinkPeer"/>: warm-up phases until the
/// warm-up time has passed (at least two), then one measured phase.
/// </summary>
internal static class Phases
{
    /// <summary>Repeats <paramref name="round"/> until the warm-up time has passed, at least <paramref name="minRounds"/> times.</summary>
    public static async Task WarmUpAsync(TimeSpan warmup, int minRounds, Func<ValueTask> round)
    {
        var warmupEnd = Stopwatch.GetTimestamp() + (long)(warmup.TotalSeconds * Stopwatch.Frequency);
        for (var rounds = 0; rounds < minRounds || Stopwatch.GetTimestamp() < warmupEnd; rounds++)
            await round().ConfigureAwait(false);
    }

    /// <summary>Returns the measured phase's duration in Stopwatch ticks.</summary>
    public static async Task<long> RunAsync(TimeSpan warmup, long warmupUnits, long measuredUnits, Func<long, ValueTask> phase)
    {
        await WarmUpAsync(warmup, 2, () => phase(warmupUnits)).ConfigureAwait(false);
        var start = Stopwatch.GetTimestamp();
        await phase(measuredUnits).ConfigureAwait(false);
        return Stopwatch.GetTimestamp() - start;
    }

    /// <summary>Round trips for the warm-up time (at least a few hundred), then the measured ones into a fresh recorder.</summary>
    public static async Task<LatencyRecorder> RoundTripsAsync(TimeSpan warmup, int measured, Func<ValueTask> roundTrip)
    {
        await WarmUpAsync(warmup, 500, roundTrip).ConfigureAwait(false);
        var recorder = new LatencyRecorder(measured);
        for (var i = 0; i < measured; i++)
        {
            var start = Stopwatch.GetTimestamp();
            await roundTrip().ConfigureAwait(false);
            recorder.Record(Stopwatch.GetTimestamp() - start);
        }

        return recorder;
    }
}
