using System.Diagnostics;

namespace AkkaIpc.Benchmarks;

/// <summary>
/// Round-trip samples in Stopwatch ticks, recorded into an array allocated up front so that recording
/// allocates nothing; percentiles are nearest-rank over the sorted samples.
/// </summary>
internal sealed class LatencyRecorder
{
    private readonly long[] _ticks;
    private int _count;
    private bool _sorted;

    public LatencyRecorder(int capacity) => _ticks = new long[capacity];

    public int Count => _count;

    public int Capacity => _ticks.Length;

    public void Clear()
    {
        _count = 0;
        _sorted = false;
    }

    public void Record(long ticks)
    {
        _ticks[_count++] = ticks;
        _sorted = false;
    }

    /// <summary>
    /// Records from any thread; several may record at once. Read percentiles only once every recording thread is done.
    /// </summary>
    public void RecordConcurrently(long ticks)
    {
        var i = Interlocked.Increment(ref _count) - 1;
        if (i >= _ticks.Length)
            throw new InvalidOperationException($"more than {_ticks.Length} latency samples were recorded");
        _ticks[i] = ticks;
        _sorted = false;
    }

    /// <summary>One recorder holding the samples of all of <paramref name="parts"/>.</summary>
    public static LatencyRecorder Merge(IReadOnlyCollection<LatencyRecorder> parts)
    {
        var merged = new LatencyRecorder(parts.Sum(p => p.Count));
        foreach (var part in parts)
        {
            Array.Copy(part._ticks, 0, merged._ticks, merged._count, part._count);
            merged._count += part._count;
        }

        return merged;
    }

    /// <summary>The q-quantile (0 &lt; q ≤ 1) in microseconds.</summary>
    public double PercentileMicros(double q)
    {
        if (_count == 0)
            throw new InvalidOperationException("no latency samples were recorded");
        if (!_sorted)
        {
            Array.Sort(_ticks, 0, _count);
            _sorted = true;
        }

        var rank = (int)Math.Ceiling(q * _count);
        return TicksToMicros(_ticks[Math.Clamp(rank, 1, _count) - 1]);
    }

    public static double TicksToMicros(long ticks) => ticks * 1_000_000.0 / Stopwatch.Frequency;

    public static double Seconds(long ticks) => (double)ticks / Stopwatch.Frequency;

    /// <summary>Adds p50/p90/p99/p99.9 to a result, the figures of every rtt benchmark.</summary>
    public BenchResult ToRttResult(string name) => new BenchResult(name)
        .With("p50_us", PercentileMicros(0.50))
        .With("p90_us", PercentileMicros(0.90))
        .With("p99_us", PercentileMicros(0.99))
        .With("p999_us", PercentileMicros(0.999));
}
