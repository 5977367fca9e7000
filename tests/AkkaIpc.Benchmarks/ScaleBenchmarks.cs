using System.Globalization;

namespace AkkaIpc.Benchmarks;

/// <summary>
/// 1, 10, 100 and 1,000 clients (raw sockets, all in one client process) ping-ponging 32-byte messages with one
/// actor-layer server (Serve, in its own process). Per level: aggregate round trips per second, p99 round trip,
/// and the server's resident memory per connection (see <see cref="RunLevelAsync"/>).
/// </summary>
internal static class ScaleBenchmarks
{
    private static readonly int[] Levels = [1, 10, 100, 1000];
    private static readonly TimeSpan CommandTimeout = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan RunTimeout = TimeSpan.FromMinutes(5);

    /// <param name="run">The run to report to.</param>
    /// <param name="layer">The server's part of the result names (<c>actors</c>, or <c>raw-uds</c> for comparison).</param>
    /// <param name="serverMode">The peer mode of the server process.</param>
    public static async Task RunAsync(BenchRun run, string layer, string serverMode)
    {
        if (!run.SelectsGroup($"scale/{layer}/"))
            return;
        // Server and client process each hold one descriptor per connection, plus the runtime's own.
        var needed = Levels[^1] + 200;
        if (MachineInfo.SoftNoFileLimit() is { } limit && limit < needed)
        {
            throw new InvalidOperationException(
                $"the open-files limit is {limit}; {Levels[^1]} connections need about {needed} per process (raise it: ulimit -n {needed * 2})");
        }

        var counts = run.Counts;
        var path = SocketPaths.New();
        using var server = await PeerProcess.StartAsync(serverMode, path).ConfigureAwait(false);
        try
        {
            // Unmeasured levels first (one long-lived connection, then 100), so that one-time growth of the server
            // (tier-1 re-JIT of its hot paths, thread-pool threads, the GC's first budgets) is not charged to the
            // connections of the first measured level.
            await RunLevelAsync(run, layer, server, path, 1, counts).ConfigureAwait(false);
            await RunLevelAsync(run, layer, server, path, 100, counts).ConfigureAwait(false);
            foreach (var n in Levels)
            {
                var result = await RunLevelAsync(run, layer, server, path, n, counts).ConfigureAwait(false);
                if (run.Selects(result.Name))
                    run.Add(result);
            }
        }
        finally
        {
            var stopping = System.Diagnostics.Stopwatch.StartNew();
            var exited = await server.StopAsync(TimeSpan.FromSeconds(10)).ConfigureAwait(false);
            run.Log($"scale/{layer}: server process {(exited ? "exited" : "did not exit and was killed")} after {stopping.Elapsed.TotalSeconds:0.0} s");
            SocketPaths.Delete(path);
        }
    }

    /// <summary>
    /// One level. The memory figure is (VmRSS with the clients attached − VmRSS before they came) / clients, both
    /// settled after a full GC. The baseline is taken before, not after: once the clients have gone, the GC keeps
    /// most of the memory their connections used committed (VmRSS does not fall back), which would hide it. The
    /// log also shows the after-reading and the managed heap, to tell heap from native growth.
    /// </summary>
    private static async Task<BenchResult> RunLevelAsync(BenchRun run, string layer, PeerProcess server, string path, int clients, BenchCounts counts)
    {
        await WaitForConnectionsAsync(server, 0).ConfigureAwait(false);
        var (beforeKib, _) = await SettledRssKibAsync(server).ConfigureAwait(false);

        var perClient = Math.Max(counts.ScaleRoundTripsPerClient, counts.RoundTrips / clients);
        var driver = await PeerProcess.StartAsync("scale-clients", path, Str(clients), Str(perClient),
            Str((int)counts.ScaleWarmup.TotalMilliseconds)).ConfigureAwait(false);
        long loadedKib;
        string loadedMemory;
        double roundTrips, seconds, p99;
        try
        {
            var line = await driver.ReadLineAsync(RunTimeout).ConfigureAwait(false);
            var parts = line.Split(' ');
            if (parts.Length != 5 || parts[0] != "RESULT")
                throw new InvalidOperationException($"scale client process reported '{line}'");
            roundTrips = double.Parse(parts[1], CultureInfo.InvariantCulture);
            seconds = double.Parse(parts[2], CultureInfo.InvariantCulture);
            p99 = double.Parse(parts[4], CultureInfo.InvariantCulture);

            await WaitForConnectionsAsync(server, clients).ConfigureAwait(false);
            (loadedKib, var loadedGc) = await SettledRssKibAsync(server).ConfigureAwait(false);
            loadedMemory = $"{MachineInfo.DescribeMemory(server.Pid)}, GC {loadedGc}";
        }
        finally
        {
            await driver.StopAsync(TimeSpan.FromSeconds(30)).ConfigureAwait(false);
        }

        await WaitForConnectionsAsync(server, 0).ConfigureAwait(false);
        var (_, afterGc) = await SettledRssKibAsync(server).ConfigureAwait(false);
        run.Log($"scale/{layer}/{clients}: server VmRSS before {beforeKib} KiB; with {clients} clients: {loadedMemory}; " +
                $"after they left: {MachineInfo.DescribeMemory(server.Pid)}, GC {afterGc}");

        return new BenchResult($"scale/{layer}/{clients}")
            .With("msgs_per_s", roundTrips / seconds)
            .With("p99_us", p99)
            .With("rss_kib_per_conn", (double)(loadedKib - beforeKib) / clients);
    }

    /// <summary>
    /// The server's VmRSS after a full compacting GC, once it has stopped moving: the GC hands freed regions back
    /// to the OS gradually, so a single reading right after the collection can be megabytes off either way.
    /// Settled means three readings 100 ms apart within 64 KiB of each other (at most 3 s of waiting).
    /// </summary>
    private static async Task<(long Kib, string Gc)> SettledRssKibAsync(PeerProcess server)
    {
        var gc = await CommandAsync(server, "GC").ConfigureAwait(false);
        var readings = new List<long> { MachineInfo.ReadRssKib(server.Pid) };
        for (var i = 0; i < 30; i++)
        {
            await Task.Delay(100).ConfigureAwait(false);
            readings.Add(MachineInfo.ReadRssKib(server.Pid));
            var last = readings.TakeLast(3).ToArray();
            if (last.Length == 3 && last.Max() - last.Min() <= 64)
                break;
        }

        return (readings[^1], gc);
    }

    private static async Task<string> CommandAsync(PeerProcess server, string command)
    {
        await server.SendLineAsync(command).ConfigureAwait(false);
        var reply = await server.ReadLineAsync(CommandTimeout).ConfigureAwait(false);
        if (reply.StartsWith("ERROR", StringComparison.Ordinal))
            throw new InvalidOperationException($"server peer: {reply}");
        return reply;
    }

    /// <summary>The server learns of connects and disconnects asynchronously; poll its count, bounded.</summary>
    private static async Task WaitForConnectionsAsync(PeerProcess server, int expected)
    {
        var deadline = DateTime.UtcNow + CommandTimeout;
        string reply;
        while ((reply = await CommandAsync(server, "CONNS").ConfigureAwait(false)) != Str(expected))
        {
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"the server has {reply} connections, expected {expected}");
            await Task.Delay(20).ConfigureAwait(false);
        }
    }

    private static string Str(int value) => value.ToString(CultureInfo.InvariantCulture);
}
