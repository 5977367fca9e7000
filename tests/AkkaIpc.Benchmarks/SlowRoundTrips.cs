using System.Collections.Concurrent;
using System.Diagnostics;

namespace AkkaIpc.Benchmarks;

/// <summary>
/// The round trips of the sustained phase that took longer than 1 ms, with when they started: whether the slow ones
/// come in a few clusters (a stall of the server or the machine: a GC, a preempted thread) or spread over the whole
/// run (something on the path of every message now and then) is what tells the causes of a high p99 apart.
/// </summary>
internal sealed class SlowRoundTrips
{
    private static readonly long Threshold = Stopwatch.Frequency / 1000;

    // Two slow round trips belong to one episode when the second started within 10 ms of the end of the first.
    private static readonly long EpisodeGap = Stopwatch.Frequency / 100;

    private readonly ConcurrentQueue<(long Start, long Ticks)> _slow = new();

    /// <summary>Called for every measured round trip, from any thread; keeps the slow ones.</summary>
    public void Offer(long start, long ticks)
    {
        if (ticks > Threshold)
            _slow.Enqueue((start, ticks));
    }

    /// <summary>How many, in how many episodes, and the longest episode from its first start to its last reply.</summary>
    public (int Count, int Episodes, double LongestEpisodeMs) Summarize()
    {
        var episodes = 0;
        var longest = 0L;
        long first = 0, end = long.MinValue;
        foreach (var (start, ticks) in _slow.OrderBy(s => s.Start))
        {
            if (start > end + EpisodeGap)
            {
                episodes++;
                first = start;
            }

            end = Math.Max(end, start + ticks);
            longest = Math.Max(longest, end - first);
        }

        return (_slow.Count, episodes, LatencyRecorder.Seconds(longest) * 1000);
    }
}
