namespace AkkaIpc.Sockets.Tests;

/// <summary>
/// WriteAsync of 16 KiB or more sends from the caller's memory: order with span writes, the 108 limit, and that the
/// memory is free once the task completes (the tests then overwrite it and check what the peer got).
/// </summary>
public sealed class BorrowedWriteTests : IDisposable
{
    private const int Big = 256 * 1024;
    private static readonly IpcSocketOptions SmallReceiveBuffer = new() { ReceiveBufferLimit = 4096 };

    private readonly TestPaths _paths = new();

    public void Dispose() => _paths.Dispose();

    [Fact]
    public async Task Interleaved_Write_WriteAsync_and_Flush_arrive_in_write_order()
    {
        using var pair = new ConnectedPair(_paths.Next(), serverOptions: SmallReceiveBuffer, drainServer: false);
        var prefix = StalledReader.FillKernel(pair.Client, seed: 1);
        var a = StalledReader.Random(Big, seed: 2);
        var b = StalledReader.Random(100, seed: 3);
        var c = StalledReader.Random(Big + 17, seed: 4);
        var d = StalledReader.Random(20_000, seed: 5);

        var writeA = pair.Client.WriteAsync(a).AsTask();
        pair.Client.Write(b);
        var writeC = pair.Client.WriteAsync(c).AsTask();
        pair.Client.Flush();
        var writeD = pair.Client.WriteAsync(d).AsTask();
        pair.Client.Write(b);
        Assert.False(writeA.IsCompleted, "the reader has not read; A cannot be in the kernel");

        var expected = StalledReader.Concat(prefix, a, b, c, d, b);
        var received = await StalledReader.ReadExactlyAsync(pair.Server, expected.Length);
        await Task.WhenAll(writeA, writeC, writeD).WaitAsync(EventRecorder.Timeout);

        Assert.True(expected.AsSpan().SequenceEqual(received), "the bytes arrived out of order or changed");
        Assert.Equal(0, pair.Client.BytesLeftToSend);
        Assert.Equal(expected.Length, pair.Client.TotalBytesSent);
        Assert.Equal(expected.Length, pair.Client.TotalBytesQueued);
    }

    [Fact]
    public async Task Small_writes_queued_behind_a_full_kernel_go_out_in_few_large_sends()
    {
        using var pair = new ConnectedPair(_paths.Next(), serverOptions: SmallReceiveBuffer, drainServer: false);
        var prefix = StalledReader.FillKernel(pair.Client, seed: 12);
        var message = StalledReader.Random(32, seed: 13);
        const int messages = 32 * 1024;
        for (var i = 0; i < messages; i++)
        {
            pair.Client.Write(message);
        }

        var sendsBefore = pair.Client.SendOperations;
        var expected = StalledReader.Concat([prefix, .. Enumerable.Repeat(message, messages)]);
        var received = await StalledReader.ReadExactlyAsync(pair.Server, expected.Length);
        await pair.Client.FlushAsync().AsTask().WaitAsync(EventRecorder.Timeout);

        Assert.True(expected.AsSpan().SequenceEqual(received));

        // The queued writes share owned arrays that grow to 256 KiB, and one send carries a whole array's unsent bytes.
        var sends = pair.Client.SendOperations - sendsBefore;
        Assert.True(sends < 32, $"{sends} sends for 1 MiB of queued 32-byte writes");
    }

    [Fact]
    public async Task A_cancelled_WriteAsync_still_sends_its_bytes_in_order_though_the_caller_reuses_the_memory()
    {
        using var pair = new ConnectedPair(_paths.Next(), serverOptions: SmallReceiveBuffer, drainServer: false);
        var prefix = StalledReader.FillKernel(pair.Client, seed: 6);
        var original = StalledReader.Random(Big, seed: 7);
        var buffer = original.ToArray();
        var after = StalledReader.Random(1000, seed: 8);
        using var cts = new CancellationTokenSource();

        var write = pair.Client.WriteAsync(buffer, cts.Token).AsTask();
        pair.Client.Write(after);
        await cts.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => write.WaitAsync(EventRecorder.Timeout));
        buffer.AsSpan().Fill(0xEE);

        var expected = StalledReader.Concat(prefix, original, after);
        var received = await StalledReader.ReadExactlyAsync(pair.Server, expected.Length);
        Assert.True(expected.AsSpan().SequenceEqual(received), "the socket sent from the caller's memory after the task completed");
        await pair.Client.FlushAsync().AsTask().WaitAsync(EventRecorder.Timeout);
        Assert.Equal(expected.Length, pair.Client.TotalBytesSent);
    }

    [Fact]
    public async Task A_WriteAsync_cancelled_while_its_bytes_are_in_a_send_completes_after_that_send_and_loses_nothing()
    {
        using var pair = new ConnectedPair(_paths.Next(), serverOptions: SmallReceiveBuffer, drainServer: false);

        // On an idle socket the send starts inside the call: the kernel takes what fits and the send waits with the rest.
        var original = StalledReader.Random(4 * 1024 * 1024, seed: 9);
        var buffer = original.ToArray();
        using var cts = new CancellationTokenSource();
        var write = pair.Client.WriteAsync(buffer, cts.Token).AsTask();
        Assert.True(pair.Client.BytesLeftToSend > 0);
        await cts.CancelAsync();

        var reading = StalledReader.ReadExactlyAsync(pair.Server, original.Length);
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => write.WaitAsync(EventRecorder.Timeout));
        buffer.AsSpan().Fill(0xEE);

        var received = await reading.WaitAsync(TimeSpan.FromSeconds(60));
        Assert.True(original.AsSpan().SequenceEqual(received), "the socket sent from the caller's memory after the task completed");
    }

    [Fact]
    public async Task WriteAsync_calls_pending_at_Close_fail_with_106_and_the_peer_got_only_original_bytes()
    {
        using var pair = new ConnectedPair(_paths.Next(), serverOptions: SmallReceiveBuffer, drainServer: false);
        var first = StalledReader.Random(2 * 1024 * 1024, seed: 10);
        var second = StalledReader.Random(Big, seed: 11);
        var firstBuffer = first.ToArray();
        var secondBuffer = second.ToArray();
        var inFlight = pair.Client.WriteAsync(firstBuffer).AsTask();
        var queued = pair.Client.WriteAsync(secondBuffer).AsTask();
        Assert.False(inFlight.IsCompleted);

        Assert.Equal(IpcErrorCode.InvalidStateError, Assert.Throws<IpcSocketException>(() => pair.Client.Close(TimeSpan.Zero)).ErrorNumber);
        foreach (var write in new[] { inFlight, queued })
        {
            var e = await Assert.ThrowsAsync<IpcSocketException>(() => write.WaitAsync(EventRecorder.Timeout));
            Assert.Equal(IpcErrorCode.InvalidStateError, e.ErrorNumber);
        }

        firstBuffer.AsSpan().Fill(0xEE);
        secondBuffer.AsSpan().Fill(0xEE);

        // Whatever reached the kernel before the close arrives, and it is a prefix of the original stream.
        var received = await StalledReader.ReadToLossAsync(pair.Server);
        Assert.True(received.Length < first.Length + second.Length);
        Assert.True(StalledReader.Concat(first, second).AsSpan(0, received.Length).SequenceEqual(received));
        Assert.Equal(0, pair.Client.BytesLeftToSend);
    }

    [Fact]
    public async Task WriteAsync_calls_pending_when_the_peer_goes_away_fail_with_102()
    {
        using var pair = new ConnectedPair(_paths.Next(), serverOptions: SmallReceiveBuffer, drainServer: false);
        var inFlight = pair.Client.WriteAsync(new byte[2 * 1024 * 1024]).AsTask();
        var queued = pair.Client.WriteAsync(new byte[Big]).AsTask();
        Assert.False(inFlight.IsCompleted);

        pair.Server.Close();
        foreach (var write in new[] { inFlight, queued })
        {
            var e = await Assert.ThrowsAsync<IpcSocketException>(() => write.WaitAsync(EventRecorder.Timeout));
            Assert.Equal(IpcErrorCode.LostConnection, e.ErrorNumber);
        }

        Assert.Equal(0, pair.Client.BytesLeftToSend);
        Assert.Equal(IpcErrorCode.LostConnection, pair.ClientEvents.WaitError().ErrorNumber);
    }

    [Fact]
    public async Task OutOfMemoryError_108_counts_borrowed_bytes_and_a_refused_WriteAsync_queues_nothing()
    {
        const int limit = 512 * 1024;
        const int chunk = 64 * 1024;
        using var pair = new ConnectedPair(
            _paths.Next(),
            serverOptions: SmallReceiveBuffer,
            clientOptions: new IpcSocketOptions { SendQueueLimit = limit },
            drainServer: false);

        var chunks = new List<byte[]>();
        var writes = new List<Task>();
        IpcSocketException? full = null;
        for (var i = 0; i < 1000 && full is null; i++)
        {
            var data = StalledReader.Random(chunk, seed: 100 + i);
            var leftBefore = pair.Client.BytesLeftToSend;
            var queuedBefore = pair.Client.TotalBytesQueued;
            try
            {
                writes.Add(pair.Client.WriteAsync(data).AsTask());
                chunks.Add(data);
            }
            catch (IpcSocketException e)
            {
                full = e;
                Assert.True(leftBefore + chunk > limit, $"108 with {leftBefore} queued");
                Assert.Equal(queuedBefore, pair.Client.TotalBytesQueued);
            }
        }

        Assert.NotNull(full);
        Assert.Equal(IpcErrorCode.OutOfMemoryError, full.ErrorNumber);
        Assert.True(pair.Client.BytesLeftToSend <= limit);

        var expected = StalledReader.Concat([.. chunks]);
        var received = await StalledReader.ReadExactlyAsync(pair.Server, expected.Length);
        await Task.WhenAll(writes).WaitAsync(EventRecorder.Timeout);
        Assert.True(expected.AsSpan().SequenceEqual(received));
        Assert.Equal(expected.Length, pair.Client.TotalBytesSent);
    }
}
