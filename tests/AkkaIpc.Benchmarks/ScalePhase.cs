using System.Diagnostics;

namespace AkkaIpc.Benchmarks;

/// <summary>
/// One phase of a scale level: what the client process answered (see <see cref="ClosedLoopClients"/> and
/// <see cref="PacedClients"/>) and the server's running totals just before and after it.
/// </summary>
internal sealed class ScalePhase
{
    private static readonly TimeSpan PhaseTimeout = TimeSpan.FromMinutes(5);
    private readonly IReadOnlyDictionary<string, double> _client;
    private readonly IReadOnlyDictionary<string, double> _before;
    private readonly IReadOnlyDictionary<string, double> _after;
    private readonly double _seconds;
    private readonly (double RunQueueWaitMs, long Voluntary, long Involuntary) _scheduler;

    private ScalePhase(IReadOnlyDictionary<string, double> client, IReadOnlyDictionary<string, double> before,
        IReadOnlyDictionary<string, double> after, double seconds, (double, long, long) scheduler)
    {
        _client = client;
        _before = before;
        _after = after;
        _seconds = seconds;
        _scheduler = scheduler;
    }

    /// <summary>A figure of the client's answer (e.g. <c>p99_us</c>).</summary>
    public double this[string key] => _client.Get(key);

    public static async Task<ScalePhase> RunAsync(ScaleServer server, PeerProcess clients, string command)
    {
        var before = await server.StatsAsync().ConfigureAwait(false);
        var schedulerBefore = MachineInfo.SchedulerTotals(server.Pid);
        var clock = Stopwatch.StartNew();
        await clients.SendLineAsync(command).ConfigureAwait(false);
        var answer = await clients.ReadLineAsync(PhaseTimeout).ConfigureAwait(false);
        var seconds = clock.Elapsed.TotalSeconds;
        var schedulerAfter = MachineInfo.SchedulerTotals(server.Pid);
        var after = await server.StatsAsync().ConfigureAwait(false);
        var scheduler = (schedulerAfter.RunQueueWaitMs - schedulerBefore.RunQueueWaitMs,
            schedulerAfter.Voluntary - schedulerBefore.Voluntary, schedulerAfter.Involuntary - schedulerBefore.Involuntary);
        return new ScalePhase(KeyValueLine.Parse(answer, "RESULT"), before, after, seconds, scheduler);
    }

    /// <summary>
    /// The server's cost over the phase (warm-up included), per round trip where it is a total: CPU, thread-pool
    /// work items and allocations per message do not depend on the machine's load the way times do. Voluntary
    /// context switches count a thread's sleeps (each a later wake-up on the path of some message); the time its
    /// threads were runnable but waiting for a CPU is the machine's share of the latency.
    /// </summary>
    public string DescribeServer()
    {
        var roundTrips = this["all"];
        return $"server {Delta("cpu_ms") / 10 / _seconds:0} % of a core, per round trip {Delta("cpu_ms") * 1000 / roundTrips:0.0} µs CPU, " +
               $"{Delta("work_items") / roundTrips:0.00} work items, {Delta("allocated") / roundTrips:0} B allocated; " +
               $"GCs {Delta("gc0"):0}/{Delta("gc1"):0}/{Delta("gc2"):0} (gen0/1/2, {Delta("gc_pause_ms"):0.0} ms paused); " +
               $"{Delta("lock_contentions"):0} lock contentions; pool threads {_before.Get("pool_threads"):0} → {_after.Get("pool_threads"):0}; " +
               $"context switches per round trip {_scheduler.Voluntary / roundTrips:0.00} voluntary, {_scheduler.Involuntary / roundTrips:0.00} involuntary; " +
               $"its threads waited {_scheduler.RunQueueWaitMs:0} ms in all for a CPU; " +
               $"client process {this["cpu_pct"]:0} % of a core";
    }

    private double Delta(string key) => _after.Get(key) - _before.Get(key);
}
