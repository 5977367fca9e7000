namespace AkkaIpc.Sockets.Tests;

/// <summary>The actor layer's entry: <see cref="IpcSocket.WriteImmutable"/> queues a header and a body like one Write.</summary>
public sealed class WriteImmutableTests : IDisposable
{
    private readonly TestPaths _paths = new();

    public void Dispose() => _paths.Dispose();

    [Fact]
    public async Task WriteImmutable_sends_a_large_body_from_its_own_memory_and_copies_a_small_one()
    {
        using var pair = new ConnectedPair(_paths.Next(), serverOptions: new IpcSocketOptions { ReceiveBufferLimit = 4096 }, drainServer: false);
        var prefix = StalledReader.FillKernel(pair.Client, seed: 20);
        byte[] header = [1, 2, 3, 4];
        var large = StalledReader.Random(IpcSocket.BorrowThreshold, seed: 21);
        var small = StalledReader.Random(IpcSocket.BorrowThreshold - 1, seed: 22);
        pair.Client.WriteImmutable(header, large);
        pair.Client.WriteImmutable(header, small);
        pair.Client.WriteImmutable([], small);
        var smallWritten = small.ToArray();
        Assert.Equal(prefix.Length + (2 * header.Length) + large.Length + (2 * small.Length), pair.Client.TotalBytesQueued);

        // Breaks the promise on purpose (nothing is in the kernel yet) to see which body the socket reads when it sends.
        large.AsSpan().Fill(0xAB);
        small.AsSpan().Fill(0xCD);

        var expected = StalledReader.Concat(prefix, header, large, header, smallWritten, smallWritten);
        var received = await StalledReader.ReadExactlyAsync(pair.Server, expected.Length);
        Assert.True(expected.AsSpan().SequenceEqual(received), "the large body was copied or the small one was not");
    }

    [Fact]
    public void WriteImmutable_fails_with_108_on_header_and_body_together_and_queues_nothing()
    {
        const int limit = 32 * 1024;
        using var pair = new ConnectedPair(_paths.Next(), clientOptions: new IpcSocketOptions { SendQueueLimit = limit });
        var e = Assert.Throws<IpcSocketException>(() => pair.Client.WriteImmutable([1, 2, 3, 4], new byte[limit - 3]));
        Assert.Equal(IpcErrorCode.OutOfMemoryError, e.ErrorNumber);
        Assert.Equal(0, pair.Client.TotalBytesQueued);

        pair.Client.WriteImmutable([1, 2, 3, 4], new byte[limit - 4]);
        pair.ServerEvents.WaitReceived(limit);
        Assert.Equal(limit, pair.ServerEvents.Received.Length);
    }

    [Fact]
    public void WriteImmutable_fails_with_106_when_not_connected()
    {
        using var socket = new IpcSocket { Path = _paths.Next() };
        var e = Assert.Throws<IpcSocketException>(() => socket.WriteImmutable([], new byte[IpcSocket.BorrowThreshold]));
        Assert.Equal(IpcErrorCode.InvalidStateError, e.ErrorNumber);
    }
}
