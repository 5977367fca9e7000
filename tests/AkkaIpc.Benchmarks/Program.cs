namespace AkkaIpc.Benchmarks;

/// <summary>
/// AkkaIpc benchmarks: latency, throughput and scale of raw sockets, IpcSocket and the actor layer, each
/// against a peer in a separate OS process (this program re-executed with <c>--peer MODE</c>).
/// Exit code: 0 when every selected benchmark produced its figures, 1 when any failed, 2 on bad usage.
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
        var run = new BenchRun(options);
        foreach (var entry in BenchmarkCatalog.All)
        {
            try
            {
                await entry.Run(run).ConfigureAwait(false);
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                run.Fail(entry.Name, e);
            }
        }

        var loadAfter = MachineInfo.LoadAverage();
        Console.WriteLine();
        Console.Write(ResultTable.Render(run.Results, run.Failures));
        Console.WriteLine($"load average before: {loadBefore}; after: {loadAfter}");
        var machine = MachineInfo.Describe(loadBefore, loadAfter, options.Quick);
        if (options.JsonPath is not null)
        {
            JsonReport.Write(options.JsonPath, machine, run.Results);
            Console.WriteLine($"wrote {options.JsonPath}");
        }

        if (options.MarkdownPath is not null)
        {
            MarkdownReport.Write(options.MarkdownPath, args, machine, run);
            Console.WriteLine($"wrote {options.MarkdownPath}");
        }

        if (run.Failures.Count > 0)
        {
            await Console.Error.WriteLineAsync($"{run.Failures.Count} benchmark(s) failed: {string.Join(", ", run.Failures.Keys)}").ConfigureAwait(false);
            return 1;
        }

        return 0;
    }
}
