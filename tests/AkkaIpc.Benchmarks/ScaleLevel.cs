using System.Globalization;

namespace AkkaIpc.Benchmarks;

/// <summary>
/// One level of the scale benchmark against one server: N raw client connections in one client process, which stay
/// connected through two phases and the memory reading.
/// 1. Saturation (<see cref="ClosedLoopClients"/>): every connection pings back to back; gives <c>msgs_per_s</c>.
/// 2. Sustained (<see cref="PacedClients"/>): the same aggregate rate at every level, spread evenly over the N
///    connections, timed without coordinated omission; gives <c>p99_us</c>.
/// 3. Memory: (settled VmRSS with the N clients attached − settled VmRSS before they came) / N; gives
///    <c>rss_kib_per_conn</c>. The baseline is taken before, not after: once the clients have gone, the GC keeps
///    most of the memory their connections used committed (VmRSS does not fall back), which would hide it.
/// </summary>
internal static class ScaleLevel
{
    /// <summary>
    /// The client process is the measuring instrument, so it should cost little and add little: its socket
    /// completions run on the socket engine's own threads instead of being queued to the thread pool. That halved
    /// its CPU use in the sustained phase (a thread-pool worker spins for a while after every reply) and removes a
    /// hand-off from every round trip it times. The servers run with default settings.
    /// </summary>
    private static readonly Dictionary<string, string> ClientEnvironment = new()
    {
        ["DOTNET_SYSTEM_NET_SOCKETS_INLINE_COMPLETIONS"] = "1",
    };

    /// <summary>
    /// Runs the level and returns its result; with <paramref name="measure"/> false only the saturation phase runs
    /// (a warm-up level) and nothing is returned.
    /// </summary>
    public static async Task<BenchResult?> RunAsync(BenchRun run, ScaleServer server, int clients, bool measure)
    {
        var counts = run.Counts;
        var name = $"scale/{server.Layer}/{clients}";
        await server.WaitForConnectionsAsync(0).ConfigureAwait(false);
        server.IdleRssKib ??= (await server.SettledRssKibAsync().ConfigureAwait(false)).Kib;
        var beforeKib = server.IdleRssKib.Value;

        ScalePhase saturated;
        ScalePhase? sustained = null;
        var loaded = (Kib: 0L, Described: "");
        var driver = await PeerProcess.StartAsync(ClientEnvironment, "scale-clients", server.Path, Str(clients)).ConfigureAwait(false);
        try
        {
            await server.WaitForConnectionsAsync(clients).ConfigureAwait(false);
            var perClient = Math.Max(counts.ScaleRoundTripsPerClient, counts.RoundTrips / clients);
            saturated = await ScalePhase.RunAsync(server, driver, $"SATURATE {Ms(counts.ScaleWarmup)} {perClient}").ConfigureAwait(false);
            var saturatedRate = saturated["count"] / saturated["seconds"];
            run.Log($"{name}{(measure ? "" : " (warm-up level, not reported)")} saturated (closed loop): {saturatedRate:#,0} round trips/s, " +
                    $"p50 {saturated["p50_us"]:0.0} µs, p99 {saturated["p99_us"]:0.0} µs, p99.9 {saturated["p999_us"]:0.0} µs; {saturated.DescribeServer()}");
            if (measure)
            {
                var rate = run.ScaleRate;
                sustained = await ScalePhase.RunAsync(server, driver,
                    $"PACED {Str(rate)} {Ms(counts.ScalePacedWarmup)} {Ms(counts.ScalePacedDuration)}").ConfigureAwait(false);
                run.Log($"{name} sustained ({rate:#,0} round trips/s in all, one ping every {1000.0 * clients / rate:0.###} ms per connection, " +
                        $"{100.0 * rate / saturatedRate:0} % of the saturated rate): p50 {sustained["p50_us"]:0.0} µs, " +
                        $"p99 {sustained["p99_us"]:0.0} µs, p99.9 {sustained["p999_us"]:0.0} µs, max {sustained["max_us"]:0.0} µs; " +
                        $"{sustained["held_up"]:0} of {sustained["count"]:0} sends waited for a late reply; {sustained["slow"]:0} took over 1 ms, " +
                        $"in {sustained["slow_episodes"]:0} episodes, the longest {sustained["longest_episode_ms"]:0.0} ms; the pacer woke late by " +
                        $"p99 {sustained["pacer_late_p99_us"]:0} µs, max {sustained["pacer_late_max_us"]:0} µs, and shifted its schedule " +
                        $"{sustained["slips"]:0} times by {sustained["slipped_ms"]:0.0} ms in all; {sustained.DescribeServer()}");
                loaded = await server.SettledRssKibAsync().ConfigureAwait(false);
            }
        }
        finally
        {
            await driver.StopAsync(TimeSpan.FromSeconds(30)).ConfigureAwait(false);
        }

        await server.WaitForConnectionsAsync(0).ConfigureAwait(false);
        var idle = await server.SettledRssKibAsync().ConfigureAwait(false);
        server.IdleRssKib = idle.Kib;
        if (sustained is null)
            return null;

        run.Log($"{name}: server VmRSS before {beforeKib} KiB; with {clients} clients: {loaded.Described}; after they left: {idle.Described}");
        return new BenchResult(name)
        {
            // The issue fixes the report's scale names to the actor layer's; the raw server is the yardstick.
            ComparisonOnly = server.Layer != "actors",
            Note = $"saturated p99 {ResultTable.Format(saturated["p99_us"])} µs; sustained p50 {ResultTable.Format(sustained["p50_us"])} µs, " +
                   $"p99.9 {ResultTable.Format(sustained["p999_us"])} µs",
        }
            .With("msgs_per_s", saturated["count"] / saturated["seconds"])
            .With("p99_us", sustained["p99_us"])
            .With("rss_kib_per_conn", (double)(loaded.Kib - beforeKib) / clients);
    }

    private static string Str(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Ms(TimeSpan time) => Str((int)time.TotalMilliseconds);
}
