using System.Diagnostics;
using System.Net.Sockets;

namespace AkkaIpc.Benchmarks;

/// <summary>
/// The saturation phase of the scale benchmark, in the client process: every connection sends its next 32-byte
/// ping the moment the previous reply has landed (closed loop), all at once, for the warm-up time and then for
/// <c>roundTrips</c> measured round trips each. What it reports is the server's capacity; the round-trip times are
/// queueing behind the other connections (N / throughput by Little's law), not a latency at a sustainable load.
/// </summary>
internal static class ClosedLoopClients
{
    /// <summary>Answers <c>RESULT count= seconds= p50_us= p99_us= p999_us= all= cpu_pct=</c>.</summary>
    public static async Task<string> RunAsync(Socket[] sockets, TimeSpan warmup, int roundTrips)
    {
        var n = sockets.Length;
        var recorder = new LatencyRecorder(n * roundTrips);
        var warmupEnd = Stopwatch.GetTimestamp() + (long)(warmup.TotalSeconds * Stopwatch.Frequency);
        var warmedUp = 0;
        var all = 0L;
        var go = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var startedAt = 0L;
        var cpuBefore = Environment.CpuUsage.TotalTime;
        var clock = Stopwatch.StartNew();
        var clients = sockets.Select(socket => Task.Run(async () =>
        {
            var ping = new PingBuffers();
            var done = 0L;
            do
            {
                await ping.RoundTripAsync(socket).ConfigureAwait(false);
                done++;
            }
            while (Stopwatch.GetTimestamp() < warmupEnd);

            // The clock starts when the last connection has warmed up, so every measured round trip runs with all N busy.
            if (Interlocked.Increment(ref warmedUp) == n)
            {
                startedAt = Stopwatch.GetTimestamp();
                go.SetResult();
            }

            await go.Task.ConfigureAwait(false);
            for (var k = 0; k < roundTrips; k++)
            {
                var start = Stopwatch.GetTimestamp();
                await ping.RoundTripAsync(socket).ConfigureAwait(false);
                recorder.RecordConcurrently(Stopwatch.GetTimestamp() - start);
            }

            Interlocked.Add(ref all, done + roundTrips);
        })).ToArray();

        await Task.WhenAll(clients).ConfigureAwait(false);
        var elapsed = Stopwatch.GetTimestamp() - startedAt;
        var cpu = (Environment.CpuUsage.TotalTime - cpuBefore) / clock.Elapsed;
        return KeyValueLine.Format("RESULT",
            ("count", recorder.Count),
            ("seconds", LatencyRecorder.Seconds(elapsed)),
            ("p50_us", recorder.PercentileMicros(0.50)),
            ("p99_us", recorder.PercentileMicros(0.99)),
            ("p999_us", recorder.PercentileMicros(0.999)),
            ("all", all),
            ("cpu_pct", 100 * cpu));
    }
}
