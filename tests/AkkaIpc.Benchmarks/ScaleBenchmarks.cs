namespace AkkaIpc.Benchmarks;

/// <summary>
/// 1, 10, 100 and 1,000 raw client connections (all in one client process) ping-ponging 32-byte messages with one
/// server process: the actor layer's <c>Serve</c> (<c>scale/actors/N</c>, the report's rows) and, in the same run,
/// a raw-socket echo server (<c>scale/raw-uds/N</c>, the yardstick, with the same fields in the table and the JSON). Both servers
/// run every level, taking turns within it, so a change in the machine's load falls on both alike. What a level
/// measures: <see cref="ScaleLevel"/>.
/// </summary>
internal static class ScaleBenchmarks
{
    private static readonly int[] Levels = [1, 10, 100, 1000];

    private static readonly (string Layer, string Mode)[] Servers = [("actors", "serve-actors"), ("raw-uds", "serve-raw")];

    public static async Task RunAsync(BenchRun run)
    {
        var selected = Servers.Where(s => run.SelectsGroup($"scale/{s.Layer}/")).ToList();
        if (selected.Count == 0)
            return;
        // Server and client process each hold one descriptor per connection, plus the runtime's own.
        var needed = Levels[^1] + 200;
        if (MachineInfo.SoftNoFileLimit() is { } limit && limit < needed)
        {
            throw new InvalidOperationException(
                $"the open-files limit is {limit}; {Levels[^1]} connections need about {needed} per process (raise it: ulimit -n {needed * 2})");
        }

        var servers = new List<ScaleServer>();
        try
        {
            foreach (var (layer, mode) in selected)
            {
                try
                {
                    servers.Add(await ScaleServer.StartAsync(layer, mode).ConfigureAwait(false));
                }
                catch (Exception e) when (e is not OutOfMemoryException)
                {
                    run.Fail($"scale/{layer}", e);
                }
            }

            // Unmeasured levels first (one long-lived connection, then 100), so that one-time growth of a server
            // (tier-1 re-JIT of its hot paths, thread-pool threads, the GC's first budgets) is not charged to the
            // connections of the first measured level.
            await ScaleLevel.RunAsync(run, servers, 1, measure: false).ConfigureAwait(false);
            await ScaleLevel.RunAsync(run, servers, 100, measure: false).ConfigureAwait(false);
            var results = new List<BenchResult>();
            foreach (var clients in Levels)
                results.AddRange(await ScaleLevel.RunAsync(run, servers, clients, measure: true).ConfigureAwait(false));

            // The report lists each server's levels together, the actor layer's first (a stable sort keeps level order).
            foreach (var result in results.OrderBy(r => r.Name.StartsWith("scale/raw-uds/", StringComparison.Ordinal)))
            {
                if (run.Selects(result.Name))
                    run.Add(result);
            }
        }
        finally
        {
            foreach (var server in servers)
            {
                var exited = await server.StopAsync().ConfigureAwait(false);
                run.Log($"scale/{server.Layer}: server process {(exited ? "exited" : "did not exit and was killed")}");
            }
        }
    }
}
