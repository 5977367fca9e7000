using System.Net.Sockets;
using System.Text;

namespace AkkaIpc.Sockets.Tests;

public sealed class HalfCloseTests : IDisposable
{
    private static readonly IpcSocketOptions KeepOpen = new() { KeepOpenOnPeerClosed = true };
    private readonly TestPaths _paths = new();

    public void Dispose() => _paths.Dispose();

    [Fact]
    public async Task With_KeepOpenOnPeerClosed_a_peer_that_shuts_its_sending_side_ends_ReadAsync_and_still_gets_replies()
    {
        var path = _paths.Next();
        await using var server = new IpcSocket(KeepOpen) { Path = path };
        var listening = server.ListenAsync();
        using var peer = await ConnectRawAsync(path);
        await listening.WaitAsync(EventRecorder.Timeout);

        await peer.SendAsync("last words"u8.ToArray());
        peer.Shutdown(SocketShutdown.Send);

        Assert.Equal("last words", await ReadToEndAsync(server));
        Assert.True(server.IsConnected);
        Assert.Equal(0, await server.ReadAsync(new byte[8]).AsTask().WaitAsync(EventRecorder.Timeout));

        await server.WriteAsync("reply"u8.ToArray()).AsTask().WaitAsync(EventRecorder.Timeout);
        var reply = new byte[16];
        var n = await peer.ReceiveAsync(reply).WaitAsync(EventRecorder.Timeout);
        Assert.Equal("reply", Encoding.UTF8.GetString(reply, 0, n));
    }

    [Fact]
    public async Task ShutdownOutputAsync_sends_queued_bytes_then_end_of_stream_and_keeps_reading()
    {
        var path = _paths.Next();
        await using var server = new IpcSocket(KeepOpen) { Path = path };
        var listening = server.ListenAsync();
        using var peer = await ConnectRawAsync(path);
        await listening.WaitAsync(EventRecorder.Timeout);

        var big = new byte[256 * 1024];
        Random.Shared.NextBytes(big);
        server.Write(big);
        var shutdown = server.ShutdownOutputAsync().AsTask();

        var received = new MemoryStream();
        var buffer = new byte[64 * 1024];
        int n;
        while ((n = await peer.ReceiveAsync(buffer).WaitAsync(EventRecorder.Timeout)) > 0)
        {
            received.Write(buffer, 0, n);
        }

        Assert.Equal(big, received.ToArray());
        await shutdown.WaitAsync(EventRecorder.Timeout);
        var e = Assert.Throws<IpcSocketException>(() => server.Write("late"u8));
        Assert.Equal(IpcErrorCode.InvalidStateError, e.ErrorNumber);
        Assert.Contains(path, e.Message, StringComparison.Ordinal);

        await peer.SendAsync("after"u8.ToArray());
        peer.Shutdown(SocketShutdown.Send);
        Assert.Equal("after", await ReadToEndAsync(server));
    }

    [Fact]
    public async Task Without_KeepOpenOnPeerClosed_a_peer_shutting_its_sending_side_is_still_a_lost_connection()
    {
        var path = _paths.Next();
        await using var server = new IpcSocket { Path = path };
        var listening = server.ListenAsync();
        using var peer = await ConnectRawAsync(path);
        await listening.WaitAsync(EventRecorder.Timeout);

        peer.Shutdown(SocketShutdown.Send);
        var e = await Assert.ThrowsAsync<IpcSocketException>(
            () => server.ReadAsync(new byte[8]).AsTask().WaitAsync(EventRecorder.Timeout));
        Assert.Equal(IpcErrorCode.LostConnection, e.ErrorNumber);
    }

    [Fact]
    public async Task ShutdownOutputAsync_fails_with_106_when_not_connected()
    {
        await using var socket = new IpcSocket(KeepOpen) { Path = _paths.Next() };
        var e = await Assert.ThrowsAsync<IpcSocketException>(() => socket.ShutdownOutputAsync().AsTask());
        Assert.Equal(IpcErrorCode.InvalidStateError, e.ErrorNumber);
    }

    private static async Task<Socket> ConnectRawAsync(string path)
    {
        var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        await socket.ConnectAsync(new UnixDomainSocketEndPoint(path)).WaitAsync(EventRecorder.Timeout);
        return socket;
    }

    private static async Task<string> ReadToEndAsync(IpcSocket socket)
    {
        var text = new StringBuilder();
        var buffer = new byte[64];
        int n;
        while ((n = await socket.ReadAsync(buffer).AsTask().WaitAsync(EventRecorder.Timeout)) > 0)
        {
            text.Append(Encoding.UTF8.GetString(buffer, 0, n));
        }

        return text.ToString();
    }
}
