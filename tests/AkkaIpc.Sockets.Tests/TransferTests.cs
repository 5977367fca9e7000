using System.Security.Cryptography;

namespace AkkaIpc.Sockets.Tests;

public sealed class TransferTests : IDisposable
{
    private const int SixtyFourMiB = 64 * 1024 * 1024;
    private const int Block = 256 * 1024;

    private readonly TestPaths _paths = new();

    public void Dispose() => _paths.Dispose();

    [Fact]
    public async Task Sixty_four_MiB_reach_another_process_byte_exact()
    {
        var path = _paths.Next();
        using var server = new IpcSocket { Path = path };
        var events = new EventRecorder(server);
        server.Listen();
        using var peer = PeerProcess.Start("connect", path, "--expect-bytes", SixtyFourMiB.ToString(System.Globalization.CultureInfo.InvariantCulture));
        events.WaitConnected();

        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var random = new Random(42);
        var block = new byte[Block];
        for (var sent = 0; sent < SixtyFourMiB; sent += Block)
        {
            random.NextBytes(block);
            hash.AppendData(block);
            await server.WriteAsync(block).AsTask().WaitAsync(EventRecorder.Timeout);
        }

        // Each WriteAsync completed with its bytes in the kernel, so nothing is left to flush.
        Assert.Equal(SixtyFourMiB, server.TotalBytesSent);
        Assert.Equal(
            $"Received: {SixtyFourMiB} sha256={Convert.ToHexStringLower(hash.GetHashAndReset())}",
            peer.WaitLine("Received"));
        Assert.Equal(0, peer.WaitForExit());
    }

    [Fact]
    public async Task Interleaved_Write_WriteAsync_WriteImmutable_and_Flush_reach_another_process_byte_exact()
    {
        const int total = 32 * 1024 * 1024;
        var path = _paths.Next();
        using var server = new IpcSocket { Path = path };
        var events = new EventRecorder(server);
        server.Listen();
        using var peer = PeerProcess.Start("connect", path, "--expect-bytes", total.ToString(System.Globalization.CultureInfo.InvariantCulture));
        events.WaitConnected();

        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var random = new Random(11);
        var writes = new List<Task>();
        for (var sent = 0; sent < total - 1;)
        {
            // Tiny, copied and borrowed sizes; every array is fresh, so borrowed memory is never changed.
            var size = Math.Min(total - 1 - sent, random.Next(3) switch
            {
                0 => random.Next(1, 100),
                1 => random.Next(100, IpcSocket.BorrowThreshold),
                _ => random.Next(IpcSocket.BorrowThreshold, 300 * 1024),
            });
            var data = new byte[size];
            random.NextBytes(data);
            hash.AppendData(data);
            switch (random.Next(4))
            {
                case 0:
                    server.Write(data);
                    break;
                case 1:
                    writes.Add(server.WriteAsync(data).AsTask());
                    break;
                case 2:
                    var cut = Math.Min(4, size);
                    server.WriteImmutable(data.AsSpan(0, cut), data.AsMemory(cut));
                    break;
                default:
                    server.Write(data);
                    server.Flush();
                    break;
            }

            sent += size;
            if (server.BytesLeftToSend > 2 * 1024 * 1024)
            {
                await server.FlushAsync().AsTask().WaitAsync(EventRecorder.Timeout);
            }
        }

        // The peer still waits for the last byte, so it cannot close while these complete.
        await server.FlushAsync().AsTask().WaitAsync(EventRecorder.Timeout);
        await Task.WhenAll(writes).WaitAsync(EventRecorder.Timeout);
        Assert.Equal(total - 1, server.TotalBytesSent);
        byte[] last = [42];
        hash.AppendData(last);
        server.Write(last);

        Assert.Equal(
            $"Received: {total} sha256={Convert.ToHexStringLower(hash.GetHashAndReset())}",
            peer.WaitLine("Received"));
        Assert.Equal(0, peer.WaitForExit());
        Assert.Equal(total, server.TotalBytesQueued);
    }

    [Fact]
    public void Sixty_four_MiB_arrive_from_another_process_byte_exact()
    {
        var path = _paths.Next();
        using var peer = PeerProcess.Start("listen", path, "--send-bytes", SixtyFourMiB.ToString(System.Globalization.CultureInfo.InvariantCulture), "--seed", "7");
        peer.WaitLine("Listening");
        using var client = new IpcSocket { Path = path };
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        long received = 0;
        var gate = new object();
        var chunk = new byte[64 * 1024];
        client.DataAvailable += (_, _) =>
        {
            int n;
            while ((n = client.Read(chunk)) > 0)
            {
                hash.AppendData(chunk, 0, n);
                lock (gate)
                {
                    received += n;
                    Monitor.PulseAll(gate);
                }
            }
        };
        client.Connect();
        WaitUntil(gate, () => received >= SixtyFourMiB);

        Assert.Equal(SixtyFourMiB, received);
        Assert.Equal(ExpectedHash(7, SixtyFourMiB), Convert.ToHexStringLower(hash.GetHashAndReset()));
        peer.WaitLine("Sent");
    }

    [Fact]
    public void The_receive_buffer_never_exceeds_its_limit_while_the_reader_is_slow()
    {
        const int limit = 256 * 1024;
        const int total = 8 * 1024 * 1024;
        var path = _paths.Next();
        using var peer = PeerProcess.Start("listen", path, "--send-bytes", total.ToString(System.Globalization.CultureInfo.InvariantCulture), "--seed", "3");
        peer.WaitLine("Listening");
        using var client = new IpcSocket(new IpcSocketOptions { ReceiveBufferLimit = limit }) { Path = path };
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var gate = new object();
        long received = 0;
        var maxSeen = 0;
        var timesFull = 0;
        client.DataAvailable += (_, _) =>
        {
            var available = client.BytesAvailable;
            maxSeen = Math.Max(maxSeen, available);

            // A slow reader: it reads only once the buffer is full (or the stream's tail is all there).
            if (available < limit && received + available < total)
            {
                return;
            }

            if (available == limit)
            {
                timesFull++;
            }

            Take(available == limit ? limit / 4 : available);

            // The sender may be done: then no new data, and no new event, will come for what is left.
            if (received + client.BytesAvailable >= total)
            {
                Take(client.BytesAvailable);
            }
        };

        void Take(int count)
        {
            var part = client.Read(count);
            hash.AppendData(part);
            maxSeen = Math.Max(maxSeen, client.BytesAvailable);
            lock (gate)
            {
                received += part.Length;
                Monitor.PulseAll(gate);
            }
        }

        client.Connect();
        WaitUntil(gate, () => received >= total, () => $"received {received}, buffered {client.BytesAvailable}, connected {client.IsConnected}, peer: {string.Join(" | ", peer.Lines)}");

        Assert.Equal(total, received);
        Assert.True(maxSeen <= limit, $"buffered {maxSeen} bytes, limit {limit}");
        Assert.True(timesFull > 10, $"the buffer was full only {timesFull} times");
        Assert.Equal(ExpectedHash(3, total), Convert.ToHexStringLower(hash.GetHashAndReset()));
    }

    private static string ExpectedHash(int seed, long count)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var random = new Random(seed);
        var block = new byte[Block];
        for (long left = count; left > 0;)
        {
            var n = (int)Math.Min(left, Block);
            random.NextBytes(block.AsSpan(0, n));
            hash.AppendData(block, 0, n);
            left -= n;
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    private static void WaitUntil(object gate, Func<bool> condition, Func<string>? state = null)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(120);
        lock (gate)
        {
            while (!condition())
            {
                var left = deadline - DateTime.UtcNow;
                Assert.True(left > TimeSpan.Zero, "transfer did not finish in time: " + state?.Invoke());
                Monitor.Wait(gate, left);
            }
        }
    }
}
