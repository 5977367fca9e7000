using System.Diagnostics;

namespace AkkaIpc.Benchmarks.Remote;

/// <summary>
/// Akka.Remote classic remoting, actor to actor across two processes, over the ipc transport and over DotNetty TCP on
/// loopback in the same run: round-trip latency of 32-byte messages (p50, p99) and one-way throughput with a bounded
/// window (msgs/s). Each round runs a share of both measurements on each transport, the order rotating.
/// </summary>
internal static class RemoteBenchmarks
{
    private const int Size = 32;

    public static Task RunAsync(BenchRun run)
    {
        var counts = run.Counts;
        var streamed = Math.Max(RemoteSink.AckEvery * counts.Rounds, counts.SmallMessages / 4 / (RemoteSink.AckEvery * counts.Rounds) * RemoteSink.AckEvery * counts.Rounds);
        return InterleavedRounds.RunAsync(
            run,
            new[] { "ipc", "dotnetty" }.Select(t => ($"remote/{t}/{Size}", (Func<RemoteSide>)(() => new RemoteSide(t)))),
            async entry =>
            {
                await entry.Side.StartAsync(Size).ConfigureAwait(false);
                var scratch = new LatencyRecorder(500);
                await Phases.WarmUpAsync(counts.Warmup, 2, async () =>
                {
                    scratch.Clear();
                    await entry.Side.PingPongAsync(500, scratch).ConfigureAwait(false);
                    await entry.Side.StreamAsync(10 * RemoteSink.AckEvery).ConfigureAwait(false);
                }).ConfigureAwait(false);
                entry.Side.Recorder = new LatencyRecorder(counts.RoundTrips);
            },
            counts.RoundTrips,
            async (entry, share) =>
            {
                await entry.Side.PingPongAsync((int)share, entry.Side.Recorder!).ConfigureAwait(false);
                var start = Stopwatch.GetTimestamp();
                await entry.Side.StreamAsync(streamed / counts.Rounds).ConfigureAwait(false);
                entry.Side.StreamTicks += Stopwatch.GetTimestamp() - start;
            },
            entry =>
            {
                var recorder = entry.Side.Recorder!;
                run.Add(new BenchResult(entry.Name)
                    .With("p50_us", recorder.PercentileMicros(0.50))
                    .With("p99_us", recorder.PercentileMicros(0.99))
                    .With("msgs_per_s", streamed / LatencyRecorder.Seconds(entry.Side.StreamTicks)));
            });
    }
}
