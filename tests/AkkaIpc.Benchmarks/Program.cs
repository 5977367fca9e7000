using System.Diagnostics;

namespace AkkaIpc.Benchmarks;

/// <summary>
/// AkkaIpc benchmarks: latency, throughput and scale of raw sockets, IpcSocket and the actor layer, each
/// against a peer in a separate OS process (this program re-executed with <c>--peer MODE</c>).
/// </summary>
internal static class Program
{
    private static async Task<int> Main(string[] args)
    {
        if (args.Length > 0 && args[0] == "--peer")
            return await PeerMain.RunAsync(args[1..]).ConfigureAwait(false);

        BenchOptions options;
        try
        {
            options = BenchOptions.Parse(args);
        }
        catch (ArgumentException e)
        {
            await Console.Error.WriteLineAsync(e.Message).ConfigureAwait(false);
            return 2;
        }

        var loadBefore = MachineInfo.LoadAverage();
        Console.WriteLine($"AkkaIpc benchmarks ({(options.Quick ? "quick" : "full")} mode), {Environment.ProcessorCount} cores, " +
                          $"{MachineInfo.CpuModel()}, load {loadBefore}, open files {MachineInfo.ReadNoFileLimit()}");
        var results = new List<BenchResult>();
        var failures = new Dictionary<string, string>();
        var total = Stopwatch.StartNew();
        foreach (var entry in BenchmarkCatalog.All.Where(e => options.Selects(e)))
        {
            var watch = Stopwatch.StartNew();
            Console.Write($"  {entry.Name} ... ");
            try
            {
                var produced = await entry.Run(options.Counts).ConfigureAwait(false);
                results.AddRange(produced);
                Console.WriteLine($"done in {watch.Elapsed.TotalSeconds:0.0} s");
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                failures[entry.Name] = $"{e.GetType().Name}: {e.Message}";
                Console.WriteLine(e is LayerMissingException
                    ? $"FAILED: {e.Message}"
                    : $"FAILED after {watch.Elapsed.TotalSeconds:0.0} s: {e}");
            }
        }

        Console.WriteLine();
        Console.Write(ResultTable.Render(results, failures));
        Console.WriteLine($"total {total.Elapsed.TotalSeconds:0.0} s; load average before {loadBefore}, after {MachineInfo.LoadAverage()}");
        if (options.JsonPath is not null)
        {
            JsonReport.Write(options.JsonPath, MachineInfo.Describe(loadBefore, MachineInfo.LoadAverage()), results);
            Console.WriteLine($"wrote {options.JsonPath}");
        }

        if (failures.Count > 0)
        {
            await Console.Error.WriteLineAsync($"{failures.Count} benchmark(s) failed: {string.Join(", ", failures.Keys)}").ConfigureAwait(false);
            return 1;
        }

        return 0;
    }
}
