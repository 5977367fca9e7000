using System.Diagnostics;

namespace AkkaIpc.Benchmarks;

/// <summary>Warm-up by time: tiered compilation settles only once call counting has been quiet for a while.</summary>
internal static class Phases
{
    /// <summary>Repeats <paramref name="round"/> until the warm-up time has passed, at least <paramref name="minRounds"/> times.</summary>
    public static async Task WarmUpAsync(TimeSpan warmup, int minRounds, Func<ValueTask> round)
    {
        var warmupEnd = Stopwatch.GetTimestamp() + (long)(warmup.TotalSeconds * Stopwatch.Frequency);
        for (var rounds = 0; rounds < minRounds || Stopwatch.GetTimestamp() < warmupEnd; rounds++)
            await round().ConfigureAwait(false);
    }
}
