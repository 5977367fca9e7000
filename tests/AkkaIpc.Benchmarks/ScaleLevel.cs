using System.Globalization;

namespace AkkaIpc.Benchmarks;

/// <summary>
/// One level of the scale benchmark: N raw client connections to each server, from one client process per server,
/// which stay connected through three steps.
/// 1. Saturation (<see cref="ClosedLoopClients"/>), one server after the other: every connection pings back to back;
///    gives <c>msgs_per_s</c>.
/// 2. Sustained (<see cref="PacedClients"/>): the same aggregate rate at every level, spread evenly over the N
///    connections, timed without coordinated omission; cut into rounds in which the servers take turns, so that a
///    change in the machine's load falls on both; gives <c>p99_us</c>.
/// 3. Memory: (settled VmRSS with the N clients attached − settled VmRSS before they came) / N; gives
///    <c>rss_kib_per_conn</c>. The baseline is taken before, not after: once the clients have gone, the GC keeps
///    most of the memory their connections used committed (VmRSS does not fall back), which would hide it.
/// A server that fails is reported under the level's name and left out from then on.
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

    /// <summary>Every sustained round after the first starts with this much unmeasured schedule (the server was idle).</summary>
    private static readonly TimeSpan RoundWarmup = TimeSpan.FromMilliseconds(100);

    /// <summary>
    /// Runs the level on every server of <paramref name="servers"/> (removing and stopping those that fail) and
    /// returns their results; with <paramref name="measure"/> false only the saturation phase runs (a warm-up level).
    /// </summary>
    public static async Task<IReadOnlyList<BenchResult>> RunAsync(BenchRun run, List<ScaleServer> servers, int clients, bool measure)
    {
        var counts = run.Counts;
        var parts = servers.Select(s => new Part(s, $"scale/{s.Layer}/{clients}")).ToList();
        try
        {
            foreach (var part in parts)
                await StepAsync(run, part, () => AttachAsync(part, clients)).ConfigureAwait(false);
            var perClient = Math.Max(counts.ScaleRoundTripsPerClient, counts.RoundTrips / clients);
            foreach (var part in parts)
            {
                await StepAsync(run, part, async () =>
                {
                    part.Saturated.SetClientFigures(await part.Saturated.StepAsync(part.Server, part.Clients!,
                        $"SATURATE {Ms(counts.ScaleWarmup)} {perClient}").ConfigureAwait(false));
                    var s = part.Saturated;
                    run.Log($"{part.Name}{(measure ? "" : " (warm-up level, not reported)")} saturated (closed loop): " +
                            $"{s["count"] / s["seconds"]:#,0} round trips/s, p50 {s["p50_us"]:0.0} µs, p99 {s["p99_us"]:0.0} µs, " +
                            $"p99.9 {s["p999_us"]:0.0} µs; {s.DescribeServer()}");
                }).ConfigureAwait(false);
            }

            if (measure)
                await SustainAsync(run, parts, clients).ConfigureAwait(false);
        }
        finally
        {
            foreach (var part in parts)
            {
                if (part.Clients is not null)
                    await part.Clients.StopAsync(TimeSpan.FromSeconds(30)).ConfigureAwait(false);
            }
        }

        var results = new List<BenchResult>();
        foreach (var part in parts)
        {
            await StepAsync(run, part, async () =>
            {
                await part.Server.WaitForConnectionsAsync(0).ConfigureAwait(false);
                var idle = await part.Server.SettledRssKibAsync().ConfigureAwait(false);
                part.Server.IdleRssKib = idle.Kib;
                if (!measure)
                    return;
                run.Log($"{part.Name}: server VmRSS before {part.BeforeKib} KiB; with {clients} clients: {part.Loaded.Described}; " +
                        $"after they left: {idle.Described}");
                results.Add(ToResult(part, clients));
            }).ConfigureAwait(false);
            if (part.Failed)
            {
                servers.Remove(part.Server);
                await part.Server.StopAsync().ConfigureAwait(false);
            }
        }

        return results;
    }

    private static async Task AttachAsync(Part part, int clients)
    {
        await part.Server.WaitForConnectionsAsync(0).ConfigureAwait(false);
        part.Server.IdleRssKib ??= (await part.Server.SettledRssKibAsync().ConfigureAwait(false)).Kib;
        part.BeforeKib = part.Server.IdleRssKib.Value;
        part.Clients = await PeerProcess.StartAsync(ClientEnvironment, "scale-clients", part.Server.Path, Str(clients)).ConfigureAwait(false);
        await part.Server.WaitForConnectionsAsync(clients).ConfigureAwait(false);
    }

    /// <summary>The sustained phase in rounds, the servers taking turns (the order rotating), then each one's memory.</summary>
    private static async Task SustainAsync(BenchRun run, List<Part> parts, int clients)
    {
        var counts = run.Counts;
        var rate = run.ScaleRate;
        var roundMs = (int)counts.ScalePacedDuration.TotalMilliseconds / counts.ScalePacedRounds;
        for (var round = 0; round < counts.ScalePacedRounds; round++)
        {
            var warmup = round == 0 ? counts.ScalePacedWarmup : RoundWarmup;
            for (var k = 0; k < parts.Count; k++)
            {
                var part = parts[(k + round) % parts.Count];
                await StepAsync(run, part, () => part.Sustained.StepAsync(part.Server, part.Clients!,
                    $"PACED {Str(rate)} {Ms(warmup)} {Str(roundMs)}")).ConfigureAwait(false);
            }
        }

        foreach (var part in parts)
        {
            await StepAsync(run, part, async () =>
            {
                part.Sustained.SetClientFigures(await ScalePhase.AskAsync(part.Clients!, "REPORT").ConfigureAwait(false));
                var s = part.Sustained;
                var saturatedRate = part.Saturated["count"] / part.Saturated["seconds"];
                run.Log($"{part.Name} sustained ({rate:#,0} round trips/s in all, one ping every {1000.0 * clients / rate:0.###} ms " +
                        $"per connection, {100.0 * rate / saturatedRate:0} % of the saturated rate, {counts.ScalePacedRounds} rounds): " +
                        $"p50 {s["p50_us"]:0.0} µs, p99 {s["p99_us"]:0.0} µs, p99.9 {s["p999_us"]:0.0} µs, max {s["max_us"]:0.0} µs; " +
                        $"{s["held_up"]:0} of {s["count"]:0} sends waited for a late reply; {s["slow"]:0} took over 1 ms, " +
                        $"in {s["slow_episodes"]:0} episodes, the longest {s["longest_episode_ms"]:0.0} ms; the pacer woke late by " +
                        $"p99 {s["pacer_late_p99_us"]:0} µs, max {s["pacer_late_max_us"]:0} µs, and shifted its schedule " +
                        $"{s["slips"]:0} times by {s["slipped_ms"]:0.0} ms in all; {s.DescribeServer()}");
                part.Loaded = await part.Server.SettledRssKibAsync().ConfigureAwait(false);
            }).ConfigureAwait(false);
        }
    }

    private static BenchResult ToResult(Part part, int clients)
    {
        var saturated = part.Saturated;
        var sustained = part.Sustained;
        return new BenchResult(part.Name)
        {
            Note = $"saturated p99 {ResultTable.Format(saturated["p99_us"])} µs; sustained p50 {ResultTable.Format(sustained["p50_us"])} µs, " +
                   $"p99.9 {ResultTable.Format(sustained["p999_us"])} µs",
        }
            .With("msgs_per_s", saturated["count"] / saturated["seconds"])
            .With("p99_us", sustained["p99_us"])
            .With("rss_kib_per_conn", (double)(part.Loaded.Kib - part.BeforeKib) / clients);
    }

    /// <summary>Runs a step of a server's part unless the part has failed; a failure is reported and marks it.</summary>
    private static async Task StepAsync(BenchRun run, Part part, Func<Task> step)
    {
        if (part.Failed)
            return;
        try
        {
            await step().ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            part.Failed = true;
            run.Fail(part.Name, e);
        }
    }

    private static string Str(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Ms(TimeSpan time) => Str((int)time.TotalMilliseconds);

    /// <summary>One server's part of the level.</summary>
    private sealed class Part(ScaleServer server, string name)
    {
        public ScaleServer Server { get; } = server;

        public string Name { get; } = name;

        public PeerProcess? Clients { get; set; }

        public long BeforeKib { get; set; }

        public ScalePhase Saturated { get; } = new();

        public ScalePhase Sustained { get; } = new();

        public (long Kib, string Described) Loaded { get; set; }

        public bool Failed { get; set; }
    }
}
