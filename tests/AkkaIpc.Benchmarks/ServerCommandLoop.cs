using System.Globalization;

namespace AkkaIpc.Benchmarks;

/// <summary>
/// The stdin protocol of the scale servers: one command a line, one answer a line. <c>GC</c> runs a full
/// blocking, compacting collection and answers <c>OK</c> with the managed heap's size and committed memory;
/// <c>CONNS</c> answers the number of live connections.
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
}
