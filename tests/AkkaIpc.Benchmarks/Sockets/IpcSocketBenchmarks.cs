using AkkaIpc.Sockets;

namespace AkkaIpc.Benchmarks.Sockets;

/// <summary>IpcSocket (reference surface, automatic events) against the same raw peers as the baselines.</summary>
internal static class IpcSocketBenchmarks
{
    public static async Task<BenchResult> RttAsync(int size, BenchCounts counts)
    {
        var path = SocketPaths.New();
        using var peer = await PeerProcess.StartAsync("echo-uds", path).ConfigureAwait(false);
        try
        {
            await using var socket = new IpcSocket { Path = path };
            using var client = new EventDrivenClient(socket);
            await socket.ConnectAsync().ConfigureAwait(false);
            var message = new byte[size];
            Random.Shared.NextBytes(message);
            var recorder = await Phases.RoundTripsAsync(counts.Warmup, counts.RoundTrips,
                () => client.SendAndReceiveAsync(message, size)).ConfigureAwait(false);
            return recorder.ToRttResult($"rtt/ipcsocket/{size}");
        }
        finally
        {
            SocketPaths.Delete(path);
        }
    }

    /// <summary>64 KiB Writes, waiting on SendProgress whenever the send queue is full.</summary>
    public static async Task<BenchResult> BulkAsync(BenchCounts counts)
    {
        const int chunk = 64 * 1024;
        var data = new byte[chunk];
        Random.Shared.NextBytes(data);
        var elapsed = await WithSinkAsync(counts, warmupUnits: 64L << 20, measuredUnits: counts.BulkBytes, async (client, bytes) =>
        {
            await client.WriteWithBackpressureAsync(RawSinkPeer.Header(bytes)).ConfigureAwait(false);
            for (var sent = 0L; sent < bytes; sent += chunk)
                await client.WriteWithBackpressureAsync(data.AsMemory(0, (int)Math.Min(chunk, bytes - sent))).ConfigureAwait(false);
        }).ConfigureAwait(false);
        return new BenchResult("bulk/ipcsocket").With("mb_per_s", counts.BulkBytes / 1e6 / LatencyRecorder.Seconds(elapsed));
    }

    /// <summary>One 32-byte Write per message (the socket coalesces them), one Flush at the end of the phase.</summary>
    public static async Task<BenchResult> SmallAsync(BenchCounts counts)
    {
        const int size = 32;
        var data = new byte[size];
        var elapsed = await WithSinkAsync(counts, warmupUnits: 200_000, measuredUnits: counts.SmallMessages, async (client, messages) =>
        {
            await client.WriteWithBackpressureAsync(RawSinkPeer.Header(messages * size)).ConfigureAwait(false);
            for (var i = 0L; i < messages; i++)
                await client.WriteWithBackpressureAsync(data).ConfigureAwait(false);
        }).ConfigureAwait(false);
        return new BenchResult("small/ipcsocket").With("msgs_per_s", counts.SmallMessages / LatencyRecorder.Seconds(elapsed));
    }

    private static async Task<long> WithSinkAsync(BenchCounts counts, long warmupUnits, long measuredUnits, Func<EventDrivenClient, long, Task> send)
    {
        var path = SocketPaths.New();
        using var peer = await PeerProcess.StartAsync("sink-uds", path).ConfigureAwait(false);
        try
        {
            await using var socket = new IpcSocket { Path = path };
            using var client = new EventDrivenClient(socket);
            await socket.ConnectAsync().ConfigureAwait(false);
            return await Phases.RunAsync(counts.Warmup, warmupUnits, measuredUnits, async units =>
            {
                var ack = client.ExpectAsync(1);
                await send(client, units).ConfigureAwait(false);
                socket.Flush();
                await ack.ConfigureAwait(false);
            }).ConfigureAwait(false);
        }
        finally
        {
            SocketPaths.Delete(path);
        }
    }
}
