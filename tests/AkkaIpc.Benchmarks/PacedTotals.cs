using System.Diagnostics;

namespace AkkaIpc.Benchmarks;

/// <summary>
/// What the rounds of one sustained phase (<c>PACED</c> commands, see <see cref="PacedClients"/>) measured, in the
/// client process, until the parent asks for the <see cref="Report"/>: the phase is cut into rounds that take
/// turns with the other server's, and its percentiles are those of all its rounds together.
/// </summary>
internal sealed class PacedTotals
{
    private readonly List<LatencyRecorder> _latencies = [];
    private readonly List<LatencyRecorder> _lateness = [];
    private int _heldUp;
    private int _slips;
    private long _slippedTicks;
    private long _all;
    private TimeSpan _cpu;
    private TimeSpan _wall;
    private double _measuredSeconds;

    public SlowRoundTrips Slow { get; } = new();

    /// <summary>Recorders for a new round's round trips and for how late the pacer woke, sized for it.</summary>
    public (LatencyRecorder Latencies, LatencyRecorder Lateness) StartRound(int capacity)
    {
        var round = (new LatencyRecorder(capacity), new LatencyRecorder(capacity));
        _latencies.Add(round.Item1);
        _lateness.Add(round.Item2);
        return round;
    }

    /// <summary>Adds the counts of a finished round (sends including its warm-up, CPU time and wall time).</summary>
    public void EndRound(double measuredSeconds, int heldUp, int slips, long slippedTicks, long all, TimeSpan cpu, TimeSpan wall)
    {
        _measuredSeconds += measuredSeconds;
        _heldUp += heldUp;
        _slips += slips;
        _slippedTicks += slippedTicks;
        _all += all;
        _cpu += cpu;
        _wall += wall;
    }

    /// <summary>
    /// <c>RESULT count= seconds= p50_us= p99_us= p999_us= max_us= held_up= slow= slow_episodes= longest_episode_ms=
    /// pacer_late_p99_us= pacer_late_max_us= slips= slipped_ms= all= cpu_pct=</c>: the round-trip percentiles of the
    /// measured sends, how many waited for a late reply, how many took over 1 ms in how many episodes
    /// (<see cref="SlowRoundTrips"/>), how late the pacer woke and how often and by how much in all it shifted its
    /// schedule for that, all sends including warm-ups, and this process's CPU use in % of one core.
    /// </summary>
    public string Report()
    {
        var latencies = LatencyRecorder.Merge(_latencies);
        var lateness = LatencyRecorder.Merge(_lateness);
        if (latencies.Count != lateness.Count)
            throw new InvalidOperationException($"{lateness.Count} measured pings were sent but {latencies.Count} replies recorded");
        var (slow, episodes, longestMs) = Slow.Summarize();
        return KeyValueLine.Format("RESULT",
            ("count", latencies.Count),
            ("seconds", _measuredSeconds),
            ("p50_us", latencies.PercentileMicros(0.50)),
            ("p99_us", latencies.PercentileMicros(0.99)),
            ("p999_us", latencies.PercentileMicros(0.999)),
            ("max_us", latencies.PercentileMicros(1.0)),
            ("held_up", _heldUp),
            ("slow", slow),
            ("slow_episodes", episodes),
            ("longest_episode_ms", longestMs),
            ("pacer_late_p99_us", lateness.PercentileMicros(0.99)),
            ("pacer_late_max_us", lateness.PercentileMicros(1.0)),
            ("slips", _slips),
            ("slipped_ms", _slippedTicks * 1000.0 / Stopwatch.Frequency),
            ("all", _all),
            ("cpu_pct", 100 * (_cpu / _wall)));
    }
}
