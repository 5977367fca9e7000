using System.Diagnostics;
using Akka.Actor;

namespace AkkaIpc.Benchmarks.Runtime;

/// <summary>The actor runtime alone, in process, through Akka's public API only.</summary>
internal static class RuntimeBenchmarks
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(2);

    /// <summary>One-way Tell throughput between two actors: clock from the burst until the receiver has counted all.</summary>
    public static async Task TellAsync(BenchRun run)
    {
        const string name = "runtime/tell";
        if (!run.Selects(name))
            return;
        var counts = run.Counts;
        var system = BenchSystem.Create("bench-tell");
        try
        {
            var receiver = system.ActorOf(Props.Create(() => new TellReceiver()), "receiver");
            var sender = system.ActorOf(Props.Create(() => new TellSender()), "sender");
            await Phases.WarmUpAsync(counts.Warmup, 2, async () =>
                await BurstAsync(sender, receiver, Math.Min(counts.RuntimeTells, 500_000)).ConfigureAwait(false)).ConfigureAwait(false);
            var ticks = 0L;
            var share = counts.RuntimeTells / counts.Rounds;
            for (var round = 0; round < counts.Rounds; round++)
                ticks += await BurstAsync(sender, receiver, share).ConfigureAwait(false);
            run.Add(new BenchResult(name).With("msgs_per_s", share * (double)counts.Rounds / LatencyRecorder.Seconds(ticks)));
        }
        finally
        {
            await system.Terminate().WaitAsync(Timeout).ConfigureAwait(false);
        }
    }

    /// <summary>Ping-pong between two actors, each round trip timed by the pinger.</summary>
    public static async Task PingPongAsync(BenchRun run)
    {
        const string name = "runtime/pingpong";
        if (!run.Selects(name))
            return;
        var counts = run.Counts;
        var system = BenchSystem.Create("bench-pingpong");
        try
        {
            var pinger = system.ActorOf(Props.Create(() => new Pinger()), "pinger");
            var ponger = system.ActorOf(Props.Create(() => new Ponger()), "ponger");
            var scratch = new LatencyRecorder(10_000);
            await Phases.WarmUpAsync(counts.Warmup, 2, async () =>
            {
                scratch.Clear();
                await pinger.Ask<Pinger.Played>(new Pinger.Play(scratch.Capacity, ponger, scratch), Timeout).ConfigureAwait(false);
            }).ConfigureAwait(false);

            var recorder = new LatencyRecorder(counts.RuntimePingPongs);
            await pinger.Ask<Pinger.Played>(new Pinger.Play(counts.RuntimePingPongs, ponger, recorder), Timeout).ConfigureAwait(false);
            run.Add(new BenchResult(name)
                .With("p50_us", recorder.PercentileMicros(0.50))
                .With("p99_us", recorder.PercentileMicros(0.99)));
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
