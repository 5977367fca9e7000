using System.Collections.Immutable;
using Akka.Actor;

namespace AkkaIpc.Benchmarks.Actors;

/// <summary>
/// The actor layer: <see cref="ActorClient"/> (subscriber) → socket actor → raw peer process → socket actor →
/// subscriber, in raw framing, against the same raw peers as the baselines.
/// </summary>
internal static class ActorBenchmarks
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(2);

    /// <summary>Whether each ping is followed by a Flush command (set once the layer's write policy is known).</summary>
    internal const bool FlushEach = false;

    public static async Task<BenchResult> RttAsync(int size, BenchCounts counts)
    {
        var message = new byte[size];
        Random.Shared.NextBytes(message);
        var ping = ImmutableArray.Create(message);
        var recorder = await WithClientAsync("echo-uds", async client =>
        {
            await Phases.WarmUpAsync(counts.Warmup, 2, async () =>
                await client.Ask<ActorClient.Done>(new ActorClient.PingPong(ping, 1_000, FlushEach), Timeout).ConfigureAwait(false)).ConfigureAwait(false);
            var done = await client.Ask<ActorClient.Done>(new ActorClient.PingPong(ping, counts.RoundTrips, FlushEach), Timeout).ConfigureAwait(false);
            return done.Recorder!;
        }).ConfigureAwait(false);
        return recorder.ToRttResult($"rtt/actors/{size}");
    }

    /// <summary>64 KiB Write commands, an ack on every 16th (1 MiB), at most 3 MiB unacknowledged.</summary>
    public static async Task<BenchResult> BulkAsync(BenchCounts counts)
    {
        const int chunk = 64 * 1024;
        var data = new byte[chunk];
        Random.Shared.NextBytes(data);
        var elapsed = await StreamAsync(counts, ImmutableArray.Create(data), 1024, counts.BulkBytes / chunk, ackEvery: 16, window: 3).ConfigureAwait(false);
        return new BenchResult("bulk/actors").With("mb_per_s", counts.BulkBytes / 1e6 / LatencyRecorder.Seconds(elapsed));
    }

    /// <summary>One 32-byte Write command per message, an ack on every 1,024th, at most 8 groups unacknowledged.</summary>
    public static async Task<BenchResult> SmallAsync(BenchCounts counts)
    {
        var elapsed = await StreamAsync(counts, ImmutableArray.Create(new byte[32]), 100_000, counts.SmallMessages, ackEvery: 1024, window: 8).ConfigureAwait(false);
        return new BenchResult("small/actors").With("msgs_per_s", counts.SmallMessages / LatencyRecorder.Seconds(elapsed));
    }

    private static Task<long> StreamAsync(BenchCounts counts, ImmutableArray<byte> chunk, long warmupWrites, long writes, int ackEvery, int window) =>
        WithClientAsync("sink-uds", client => Phases.RunAsync(counts.Warmup, warmupWrites, writes, async n =>
            await client.Ask<ActorClient.Done>(new ActorClient.Stream(chunk, n, ackEvery, window), Timeout).ConfigureAwait(false)));

    private static async Task<T> WithClientAsync<T>(string peerMode, Func<IActorRef, Task<T>> run)
    {
        var path = SocketPaths.New();
        using var peer = await PeerProcess.StartAsync(peerMode, path).ConfigureAwait(false);
        var system = ActorSystem.Create("bench-actors");
        try
        {
            var client = system.ActorOf(Props.Create(() => new ActorClient()), "client");
            system.Ipc().Connect(path, client, name: "socket");
            await client.Ask<ActorClient.Done>(ActorClient.AwaitConnected.Instance, Timeout).ConfigureAwait(false);
            return await run(client).ConfigureAwait(false);
        }
        finally
        {
            await system.Terminate().WaitAsync(Timeout).ConfigureAwait(false);
            SocketPaths.Delete(path);
        }
    }
}
