using System.Diagnostics;

namespace AkkaIpc.Benchmarks;

/// <summary>
/// One phase of a scale level against one server: the figures the client process reported (see
/// <see cref="ClosedLoopClients"/> and <see cref="PacedTotals"/>) and the server's costs, summed over the steps of
/// the phase (the sustained phase runs in rounds that take turns with the other server's).
/// </summary>
internal sealed class ScalePhase
{
    private static readonly TimeSpan StepTimeout = TimeSpan.FromMinutes(5);
    private readonly Dictionary<string, double> _serverTotals = [];
    private IReadOnlyDictionary<string, double> _client = new Dictionary<string, double>();
    private double _seconds;
    private double _runQueueWaitMs;
    private long _voluntary;
    private long _involuntary;
    private double? _threadsBefore;
    private double _threadsAfter;

    /// <summary>A figure of the client's report (e.g. <c>p99_us</c>).</summary>
    public double this[string key] => _client.Get(key);

    /// <summary>Sends a command to the client process and waits for its answer; throws on <c>ERROR</c>.</summary>
    public static async Task<string> AskAsync(PeerProcess clients, string command)
    {
        await clients.SendLineAsync(command).ConfigureAwait(false);
        var answer = await clients.ReadLineAsync(StepTimeout).ConfigureAwait(false);
        if (answer.StartsWith("ERROR", StringComparison.Ordinal))
            throw new InvalidOperationException($"scale clients: {answer}");
        return answer;
    }

    /// <summary>Runs one step of the phase in the client process and adds what the server spent meanwhile.</summary>
    public async Task<string> StepAsync(ScaleServer server, PeerProcess clients, string command)
    {
        var before = await server.StatsAsync().ConfigureAwait(false);
        var schedulerBefore = MachineInfo.SchedulerTotals(server.Pid);
        var clock = Stopwatch.StartNew();
        var answer = await AskAsync(clients, command).ConfigureAwait(false);
        _seconds += clock.Elapsed.TotalSeconds;
        var schedulerAfter = MachineInfo.SchedulerTotals(server.Pid);
        var after = await server.StatsAsync().ConfigureAwait(false);
        foreach (var (key, value) in after)
            _serverTotals[key] = _serverTotals.GetValueOrDefault(key) + value - before.Get(key);
        _runQueueWaitMs += schedulerAfter.RunQueueWaitMs - schedulerBefore.RunQueueWaitMs;
        _voluntary += schedulerAfter.Voluntary - schedulerBefore.Voluntary;
        _involuntary += schedulerAfter.Involuntary - schedulerBefore.Involuntary;
        _threadsBefore ??= before.Get("pool_threads");
        _threadsAfter = after.Get("pool_threads");
        return answer;
    }

    /// <summary>Takes the client's <c>RESULT key=value...</c> line as the phase's figures.</summary>
    public void SetClientFigures(string answer) => _client = KeyValueLine.Parse(answer, "RESULT");

    /// <summary>
    /// The server's cost over the phase (warm-up included), per round trip where it is a total: CPU, thread-pool
    /// work items and allocations per message do not depend on the machine's load the way times do. Voluntary
    /// context switches count a thread's sleeps (each a later wake-up on the path of some message); the time its
    /// threads were runnable but waiting for a CPU is the machine's share of the latency.
    /// </summary>
    public string DescribeServer()
    {
        var roundTrips = this["all"];
        return $"server {Total("cpu_ms") / 10 / _seconds:0} % of a core, per round trip {Total("cpu_ms") * 1000 / roundTrips:0.0} µs CPU, " +
               $"{Total("work_items") / roundTrips:0.00} work items, {Total("allocated") / roundTrips:0} B allocated; " +
               $"GCs {Total("gc0"):0}/{Total("gc1"):0}/{Total("gc2"):0} (gen0/1/2, {Total("gc_pause_ms"):0.0} ms paused); " +
               $"{Total("lock_contentions"):0} lock contentions; pool threads {_threadsBefore:0} → {_threadsAfter:0}; " +
               $"context switches per round trip {_voluntary / roundTrips:0.00} voluntary, {_involuntary / roundTrips:0.00} involuntary; " +
               $"its threads waited {_runQueueWaitMs:0} ms in all for a CPU; client process {this["cpu_pct"]:0} % of a core";
    }

    private double Total(string key) => _serverTotals.GetValueOrDefault(key);
}
