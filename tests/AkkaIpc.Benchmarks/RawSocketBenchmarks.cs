using System.Net;
using System.Net.Sockets;

namespace AkkaIpc.Benchmarks;

/// <summary>
/// The baselines: a plain .NET <see cref="Socket"/> with async I/O (awaited SendAsync/ReceiveAsync),
/// over a Unix domain socket and over TCP loopback.
/// </summary>
internal static class RawSocketBenchmarks
{
    public static async Task<BenchResult> RttUdsAsync(int size, BenchCounts counts)
    {
        var path = SocketPaths.New();
        using var peer = await PeerProcess.StartAsync("echo-uds", path).ConfigureAwait(false);
        try
        {
            using var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
            await socket.ConnectAsync(new UnixDomainSocketEndPoint(path)).ConfigureAwait(false);
            var recorder = await RttAsync(socket, size, counts).ConfigureAwait(false);
            return recorder.ToRttResult($"rtt/raw-uds/{size}");
        }
        finally
        {
            SocketPaths.Delete(path);
        }
    }

    public static async Task<BenchResult> RttTcpAsync(int size, BenchCounts counts)
    {
        using var peer = await PeerProcess.StartAsync("echo-tcp").ConfigureAwait(false);
        var port = int.Parse(peer.ReadyInfo, System.Globalization.CultureInfo.InvariantCulture);
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        await socket.ConnectAsync(new IPEndPoint(IPAddress.Loopback, port)).ConfigureAwait(false);
        var recorder = await RttAsync(socket, size, counts).ConfigureAwait(false);
        return recorder.ToRttResult($"rtt/raw-tcp/{size}");
    }

    /// <summary>64 KiB SendAsync calls, one direction.</summary>
    public static async Task<BenchResult> BulkUdsAsync(BenchCounts counts)
    {
        const int chunk = 64 * 1024;
        var data = new byte[chunk];
        Random.Shared.NextBytes(data);
        var elapsed = await WithSinkAsync(counts, warmupUnits: 64L << 20, measuredUnits: counts.BulkBytes, async (socket, bytes) =>
        {
            await socket.SendAsync(RawSinkPeer.Header(bytes)).ConfigureAwait(false);
            for (var sent = 0L; sent < bytes; sent += chunk)
                await socket.SendAsync(data.AsMemory(0, (int)Math.Min(chunk, bytes - sent))).ConfigureAwait(false);
        }).ConfigureAwait(false);
        return new BenchResult("bulk/raw-uds").With("mb_per_s", counts.BulkBytes / 1e6 / LatencyRecorder.Seconds(elapsed));
    }

    /// <summary>32-byte messages, one awaited SendAsync (one syscall) each.</summary>
    public static async Task<BenchResult> SmallPerSendAsync(BenchCounts counts)
    {
        const int size = 32;
        var data = new byte[size];
        var elapsed = await WithSinkAsync(counts, warmupUnits: 20_000, measuredUnits: counts.SmallMessages, async (socket, messages) =>
        {
            await socket.SendAsync(RawSinkPeer.Header(messages * size)).ConfigureAwait(false);
            for (var i = 0L; i < messages; i++)
                await socket.SendAsync(data.AsMemory()).ConfigureAwait(false);
        }).ConfigureAwait(false);
        return new BenchResult("small/raw-uds-per-send").With("msgs_per_s", counts.SmallMessages / LatencyRecorder.Seconds(elapsed));
    }

    private static async Task<long> WithSinkAsync(BenchCounts counts, long warmupUnits, long measuredUnits, Func<Socket, long, Task> send)
    {
        var path = SocketPaths.New();
        using var peer = await PeerProcess.StartAsync("sink-uds", path).ConfigureAwait(false);
        try
        {
            using var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
            await socket.ConnectAsync(new UnixDomainSocketEndPoint(path)).ConfigureAwait(false);
            var ack = new byte[1];
            return await Phases.RunAsync(counts.Warmup, warmupUnits, measuredUnits, async units =>
            {
                await send(socket, units).ConfigureAwait(false);
                if (await socket.ReceiveAsync(ack.AsMemory()).ConfigureAwait(false) != 1)
                    throw new InvalidOperationException("the sink closed before acknowledging a phase");
            }).ConfigureAwait(false);
        }
        finally
        {
            SocketPaths.Delete(path);
        }
    }

    private static Task<LatencyRecorder> RttAsync(Socket socket, int size, BenchCounts counts)
    {
        var message = new byte[size];
        var reply = new byte[size];
        Random.Shared.NextBytes(message);
        return Phases.RoundTripsAsync(counts.Warmup, counts.RoundTrips, async () =>
        {
            await socket.SendAsync(message.AsMemory()).ConfigureAwait(false);
            var got = 0;
            while (got < size)
            {
                var n = await socket.ReceiveAsync(reply.AsMemory(got)).ConfigureAwait(false);
                if (n == 0)
                    throw new InvalidOperationException("the echo peer closed the connection");
                got += n;
            }
        });
    }
}
