using System.Net.Sockets;

namespace AkkaIpc.Sockets.Tests;

/// <summary>Waits for written bytes across closes, losses and reconnects: a write whose bytes never reach the kernel never reports success.</summary>
public sealed class LostWriteTests : IDisposable
{
    private readonly TestPaths _paths = new();

    public void Dispose() => _paths.Dispose();

    [Theory]
    [InlineData(64)]
    [InlineData(IpcSocket.BorrowThreshold)]
    public async Task A_WriteAsync_right_after_the_peer_went_away_fails_and_never_completes_successfully(int size)
    {
        var data = new byte[size];
        var path = _paths.Next();
        using var listener = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        listener.Bind(new UnixDomainSocketEndPoint(path));
        listener.Listen();
        for (var i = 0; i < 200; i++)
        {
            using var client = new IpcSocket { Path = path };
            client.Connect();

            // The peer shuts both directions down, then closes: once Shutdown returns the kernel refuses the write's
            // bytes. (Close alone is not enough: a process started meanwhile by a parallel test holds a copy of the
            // descriptor between its fork and its exec, and the socket lives on until that copy goes.) The write races
            // with the client's own receive loop seeing the end of the stream, so it may be refused (106) or lost on
            // the way (102), but it never succeeds.
            using (var peer = listener.Accept())
            {
                peer.Shutdown(SocketShutdown.Both);
            }

            var e = await Assert.ThrowsAsync<IpcSocketException>(async () => await client.WriteAsync(data));
            Assert.Contains(e.ErrorNumber, new[] { IpcErrorCode.InvalidStateError, IpcErrorCode.LostConnection });
        }
    }

    [Fact]
    public async Task FlushAsync_on_a_socket_reconnected_after_a_Close_dropped_bytes_completes_once_its_bytes_are_sent()
    {
        var stalled = new IpcSocketOptions { ReceiveBufferLimit = 4096 };
        using var first = new ConnectedPair(_paths.Next(), serverOptions: stalled, drainServer: false);
        var client = first.Client;
        StalledReader.FillKernel(client, seed: 30);
        Assert.Equal(IpcErrorCode.InvalidStateError, Assert.Throws<IpcSocketException>(() => client.Close(TimeSpan.Zero)).ErrorNumber);
        Assert.Equal(0, client.BytesLeftToSend);

        // The same socket connects again, to a reader that reads nothing until the writes below are queued.
        var path = _paths.Next();
        using var second = new IpcSocket(stalled) { Path = path };
        second.Listen();
        client.Path = path;
        client.Connect();
        var written = StalledReader.FillKernel(client, seed: 31);
        var flushed = client.FlushAsync().AsTask();
        Assert.False(flushed.IsCompleted);

        await StalledReader.ReadExactlyAsync(second, written.Length);
        await flushed.WaitAsync(EventRecorder.Timeout);
        Assert.Equal(0, client.BytesLeftToSend);
    }
}
