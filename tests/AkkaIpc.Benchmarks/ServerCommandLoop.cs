using System.Globalization;

namespace AkkaIpc.Benchmarks;

/// <summary>
/// The stdin protocol of the scale servers: one command a line, one answer a line. <c>GC</c> runs a full
/// blocking, compacting collection and answers <c>OK</c> with the managed heap's size and committed memory;
/// <c>CONNS</c> answers the number of live connections; <c>STATS</c> answers <c>STATS key=value...</c> with the
/// process's running totals (see <see cref="Stats"/>), which the parent subtracts across a phase.
/// Returns when stdin closes.
/// </summary>
internal static class ServerCommandLoop
{
    public static async Task RunAsync(Func<Task<int>> connections)
    {
        string? line;
        while ((line = await Console.In.ReadLineAsync().ConfigureAwait(false)) is not null)
        {
            switch (line.Trim())
            {
                case "GC":
                    GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
                    GC.WaitForPendingFinalizers();
                    GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
                    var info = GC.GetGCMemoryInfo(GCKind.FullBlocking);
                    PeerMain.Reply(string.Create(CultureInfo.InvariantCulture,
                        $"OK heap {info.HeapSizeBytes / 1024} KiB, committed {info.TotalCommittedBytes / 1024} KiB"));
                    break;
                case "STATS":
                    PeerMain.Reply(Stats());
                    break;
                case "CONNS":
                    var n = await connections().ConfigureAwait(false);
                    PeerMain.Reply(n.ToString(CultureInfo.InvariantCulture));
                    break;
                default:
                    PeerMain.Reply("ERROR unknown command " + line);
                    break;
            }
        }
    }

    /// <summary>
    /// CPU time, thread-pool work items (each a potential hand-off to another thread), bytes allocated, collections
    /// and their pauses, lock contentions: counters to divide by round trips, so a phase's cost per message can be
    /// told apart from the machine's load. Also the thread pool's current size, which is not a total.
    /// </summary>
    private static string Stats() => KeyValueLine.Format("STATS",
        ("cpu_ms", Environment.CpuUsage.TotalTime.TotalMilliseconds),
        ("work_items", ThreadPool.CompletedWorkItemCount),
        ("allocated", GC.GetTotalAllocatedBytes(precise: true)),
        ("gc0", GC.CollectionCount(0)),
        ("gc1", GC.CollectionCount(1)),
        ("gc2", GC.CollectionCount(2)),
        ("gc_pause_ms", GC.GetTotalPauseDuration().TotalMilliseconds),
        ("lock_contentions", Monitor.LockContentionCount),
        ("pool_threads", ThreadPool.ThreadCount));
}
