namespace AkkaIpc.Benchmarks;

/// <summary>
/// What this process spent on one contender's measured phases: bytes allocated, thread-pool work items (each a
/// potential hand-off to another thread, a wake-up on an idle machine) and CPU time. Only one contender runs at a
/// time, so what the process spent meanwhile is that contender's doing.
/// </summary>
internal sealed class PhaseCost
{
    private long _allocated;
    private long _workItems;
    private TimeSpan _cpu;

    /// <summary>Runs <paramref name="phase"/> and adds what it cost.</summary>
    /// <returns>How long the phase itself took, in <see cref="System.Diagnostics.Stopwatch"/> ticks.</returns>
    public async ValueTask<long> MeasureAsync(Func<ValueTask> phase)
    {
        var bytesBefore = GC.GetTotalAllocatedBytes(precise: true);
        var itemsBefore = ThreadPool.CompletedWorkItemCount;
        var cpuBefore = Environment.CpuUsage.TotalTime;
        var start = System.Diagnostics.Stopwatch.GetTimestamp();
        await phase().ConfigureAwait(false);
        var elapsed = System.Diagnostics.Stopwatch.GetTimestamp() - start;
        _cpu += Environment.CpuUsage.TotalTime - cpuBefore;
        _workItems += ThreadPool.CompletedWorkItemCount - itemsBefore;
        _allocated += GC.GetTotalAllocatedBytes(precise: true) - bytesBefore;
        return elapsed;
    }

    /// <summary>The cost per unit (round trip or write), for the log.</summary>
    public string PerUnit(long units) =>
        $"{_allocated / (double)units:0.0} bytes allocated, {_workItems / (double)units:0.000} thread-pool work items, " +
        $"{_cpu.TotalMicroseconds / units:0.00} µs CPU (user + system)";
}
