using System.Diagnostics;
using System.Globalization;
using System.Net.Sockets;

namespace AkkaIpc.Benchmarks;

/// <summary>
/// One process driving N raw client sockets against a server: <c>scale-clients PATH N ROUNDTRIPS WARMUP_MS</c>.
/// Connects all N, ping-pongs 32-byte messages on all of them at once for the warm-up time, then each does
/// ROUNDTRIPS measured round trips; prints <c>RESULT roundtrips seconds p50_us p99_us</c> and keeps every
/// connection open until its stdin closes, so the parent can read the server's memory with N peers attached.
/// </summary>
internal static class ScaleClientPeer
{
    private const int MessageSize = 32;
    private static readonly TimeSpan ConnectTimeout = TimeSpan.FromSeconds(60);

    public static async Task<int> RunAsync(string[] args)
    {
        var path = args[0];
        var n = int.Parse(args[1], CultureInfo.InvariantCulture);
        var roundTrips = int.Parse(args[2], CultureInfo.InvariantCulture);
        var warmup = TimeSpan.FromMilliseconds(int.Parse(args[3], CultureInfo.InvariantCulture));
        PeerMain.Ready();

        var sockets = new Socket[n];
        try
        {
            for (var i = 0; i < n; i++)
                sockets[i] = await ConnectAsync(path).ConfigureAwait(false);

            var samples = new long[n * roundTrips];
            var warmupEnd = Stopwatch.GetTimestamp() + (long)(warmup.TotalSeconds * Stopwatch.Frequency);
            var warmedUp = 0;
            var go = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var startedAt = 0L;
            var clients = new Task[n];
            for (var i = 0; i < n; i++)
            {
                var socket = sockets[i];
                var slice = new Memory<long>(samples, i * roundTrips, roundTrips);
                clients[i] = Task.Run(async () =>
                {
                    var message = new byte[MessageSize];
                    var reply = new byte[MessageSize];
                    do
                    {
                        await RoundTripAsync(socket, message, reply).ConfigureAwait(false);
                    }
                    while (Stopwatch.GetTimestamp() < warmupEnd);

                    if (Interlocked.Increment(ref warmedUp) == n)
                    {
                        startedAt = Stopwatch.GetTimestamp();
                        go.SetResult();
                    }

                    await go.Task.ConfigureAwait(false);
                    for (var k = 0; k < roundTrips; k++)
                    {
                        var start = Stopwatch.GetTimestamp();
                        await RoundTripAsync(socket, message, reply).ConfigureAwait(false);
                        slice.Span[k] = Stopwatch.GetTimestamp() - start;
                    }
                });
            }

            await Task.WhenAll(clients).ConfigureAwait(false);
            var elapsed = Stopwatch.GetTimestamp() - startedAt;
            Array.Sort(samples);
            var p50 = LatencyRecorder.TicksToMicros(samples[(int)Math.Ceiling(0.50 * samples.Length) - 1]);
            var p99 = LatencyRecorder.TicksToMicros(samples[(int)Math.Ceiling(0.99 * samples.Length) - 1]);
            PeerMain.Reply(string.Create(CultureInfo.InvariantCulture,
                $"RESULT {samples.Length} {LatencyRecorder.Seconds(elapsed)} {p50} {p99}"));

            // Hold the connections until the parent has read the server's memory.
            while (await Console.In.ReadLineAsync().ConfigureAwait(false) is not null)
            {
                // Only the end of input matters.
            }

            return 0;
        }
        finally
        {
            foreach (var s in sockets)
                s?.Dispose();
        }
    }

    private static async Task<Socket> ConnectAsync(string path)
    {
        var deadline = Stopwatch.GetTimestamp() + (long)(ConnectTimeout.TotalSeconds * Stopwatch.Frequency);
        while (true)
        {
            var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
            try
            {
                await socket.ConnectAsync(new UnixDomainSocketEndPoint(path)).ConfigureAwait(false);
                return socket;
            }
            catch (SocketException) when (Stopwatch.GetTimestamp() < deadline)
            {
                // Not listening yet, or the accept backlog is full: the server catches up, we retry.
                socket.Dispose();
                await Task.Delay(10).ConfigureAwait(false);
            }
        }
    }

    private static async ValueTask RoundTripAsync(Socket socket, byte[] message, byte[] reply)
    {
        await socket.SendAsync(message.AsMemory()).ConfigureAwait(false);
        var got = 0;
        while (got < MessageSize)
        {
            var read = await socket.ReceiveAsync(reply.AsMemory(got)).ConfigureAwait(false);
            if (read == 0)
                throw new InvalidOperationException("the server closed a client connection");
            got += read;
        }
    }
}
