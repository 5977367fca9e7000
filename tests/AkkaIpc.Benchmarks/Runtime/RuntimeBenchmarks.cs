using System.Diagnostics;
using Akka.Actor;

namespace AkkaIpc.Benchmarks.Runtime;

/// <summary>The actor runtime alone, in process, through Akka's public API only (stand-in or real package).</summary>
internal static class RuntimeBenchmarks
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(2);

    /// <summary>One-way Tell throughput between two actors: clock from the burst until the receiver has counted all.</summary>
    public static async Task<BenchResult> TellAsync(BenchCounts counts)
    {
        var system = ActorSystem.Create("bench-tell");
        try
        {
            var receiver = system.ActorOf(Props.Create(() => new TellReceiver()), "receiver");
            var sender = system.ActorOf(Props.Create(() => new TellSender()), "sender");
            var warmupEnd = Stopwatch.GetTimestamp() + (long)(counts.Warmup.TotalSeconds * Stopwatch.Frequency);
            var rounds = 0;
            while (rounds < 2 || Stopwatch.GetTimestamp() < warmupEnd)
            {
                await BurstAsync(sender, receiver, Math.Min(counts.RuntimeTells, 500_000)).ConfigureAwait(false);
                rounds++;
            }

            var elapsed = await BurstAsync(sender, receiver, counts.RuntimeTells).ConfigureAwait(false);
            return new BenchResult("runtime/tell").With("msgs_per_s", counts.RuntimeTells / LatencyRecorder.Seconds(elapsed));
        }
        finally
        {
            await system.Terminate().WaitAsync(Timeout).ConfigureAwait(false);
        }
    }

    /// <summary>Ping-pong between two actors, each round trip timed by the pinger.</summary>
    public static async Task<BenchResult> PingPongAsync(BenchCounts counts)
    {
        var system = ActorSystem.Create("bench-pingpong");
        try
        {
            var pinger = system.ActorOf(Props.Create(() => new Pinger()), "pinger");
            var ponger = system.ActorOf(Props.Create(() => new Ponger()), "ponger");
            var warmupEnd = Stopwatch.GetTimestamp() + (long)(counts.Warmup.TotalSeconds * Stopwatch.Frequency);
            var rounds = 0;
            while (rounds < 2 || Stopwatch.GetTimestamp() < warmupEnd)
            {
                await pinger.Ask<Pinger.Played>(new Pinger.Play(Math.Min(counts.RuntimePingPongs, 10_000), ponger), Timeout).ConfigureAwait(false);
                rounds++;
            }

            var played = await pinger.Ask<Pinger.Played>(new Pinger.Play(counts.RuntimePingPongs, ponger), Timeout).ConfigureAwait(false);
            return new BenchResult("runtime/pingpong")
                .With("p50_us", played.Recorder.PercentileMicros(0.50))
                .With("p99_us", played.Recorder.PercentileMicros(0.99));
        }
        finally
        {
            await system.Terminate().WaitAsync(Timeout).ConfigureAwait(false);
        }
    }

    private static async Task<long> BurstAsync(IActorRef sender, IActorRef receiver, long count)
    {
        // Expect is queued before the burst starts, so the receiver knows the count before the first Tick.
        var finished = receiver.Ask<TellReceiver.Finished>(new TellReceiver.Expect(count), Timeout);
        var start = Stopwatch.GetTimestamp();
        sender.Tell(new TellSender.Burst(count, receiver), ActorRefs.NoSender);
        await finished.ConfigureAwait(false);
        return Stopwatch.GetTimestamp() - start;
    }
}
