using System.Diagnostics;

namespace AkkaIpc.Benchmarks;

/// <summary>
/// Runs a one-direction benchmark as phases against <see cref="RawSinkPeer"/>: warm-up phases until the
/// warm-up time has passed (at least two), then one measured phase.
/// </summary>
internal static class Phases
{
    /// <summary>Returns the measured phase's duration in Stopwatch ticks.</summary>
    public static async Task<long> RunAsync(TimeSpan warmup, long warmupUnits, long measuredUnits, Func<long, ValueTask> phase)
    {
        var warmupEnd = Stopwatch.GetTimestamp() + (long)(warmup.TotalSeconds * Stopwatch.Frequency);
        var rounds = 0;
        while (rounds < 2 || Stopwatch.GetTimestamp() < warmupEnd)
        {
            await phase(warmupUnits).ConfigureAwait(false);
            rounds++;
        }

        var start = Stopwatch.GetTimestamp();
        await phase(measuredUnits).ConfigureAwait(false);
        return Stopwatch.GetTimestamp() - start;
    }

    /// <summary>Round trips for the warm-up time (at least a few hundred), then the measured ones into a fresh recorder.</summary>
    public static async Task<LatencyRecorder> RoundTripsAsync(TimeSpan warmup, int measured, Func<ValueTask> roundTrip)
    {
        var warmupEnd = Stopwatch.GetTimestamp() + (long)(warmup.TotalSeconds * Stopwatch.Frequency);
        var rounds = 0;
        while (rounds < 500 || Stopwatch.GetTimestamp() < warmupEnd)
        {
            await roundTrip().ConfigureAwait(false);
            rounds++;
        }

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
