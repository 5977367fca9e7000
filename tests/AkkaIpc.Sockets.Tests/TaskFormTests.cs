using System.Text;

namespace AkkaIpc.Sockets.Tests;

public sealed class TaskFormTests : IDisposable
{
    private readonly TestPaths _paths = new();

    public void Dispose() => _paths.Dispose();

    [Fact]
    public async Task ListenAsync_completes_when_the_peer_connects_and_ReadAsync_WriteAsync_carry_bytes()
    {
        var path = _paths.Next();
        await using var server = new IpcSocket { Path = path };
        await using var client = new IpcSocket { Path = path };
        var listening = server.ListenAsync();
        Assert.False(listening.IsCompleted);
        await client.ConnectAsync().WaitAsync(EventRecorder.Timeout);
        await listening.WaitAsync(EventRecorder.Timeout);

        await client.WriteAsync("ping"u8.ToArray()).AsTask().WaitAsync(EventRecorder.Timeout);
        Assert.Equal(4, client.TotalBytesSent);
        var buffer = new byte[16];
        var n = await server.ReadAsync(buffer).AsTask().WaitAsync(EventRecorder.Timeout);
        Assert.Equal("ping", Encoding.UTF8.GetString(buffer, 0, n));

        var pending = server.ReadAsync(buffer).AsTask();
        Assert.False(pending.IsCompleted);
        await client.WriteAsync("pong"u8.ToArray());
        await client.FlushAsync();
        n = await pending.WaitAsync(EventRecorder.Timeout);
        Assert.Equal("pong", Encoding.UTF8.GetString(buffer, 0, n));

        await client.CloseAsync();
        var e = await Assert.ThrowsAsync<IpcSocketException>(() => server.ReadAsync(buffer).AsTask().WaitAsync(EventRecorder.Timeout));
        Assert.Equal(IpcErrorCode.LostConnection, e.ErrorNumber);
    }

    [Fact]
    public async Task ListenAsync_fails_with_106_when_closed_before_a_peer_came_and_cancels_cleanly()
    {
        var path = _paths.Next();
        using var server = new IpcSocket { Path = path };
        var listening = server.ListenAsync();
        server.Close();
        var e = await Assert.ThrowsAsync<IpcSocketException>(() => listening.WaitAsync(EventRecorder.Timeout));
        Assert.Equal(IpcErrorCode.InvalidStateError, e.ErrorNumber);
        Assert.False(File.Exists(path));

        using var cts = new CancellationTokenSource();
        var again = server.ListenAsync(cts.Token);
        await cts.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => again.WaitAsync(EventRecorder.Timeout));
        Assert.False(File.Exists(path));
        Assert.Equal(-1, server.Handle);
    }

    [Fact]
    public async Task A_pending_WriteAsync_fails_when_the_peer_goes_away_before_its_bytes_reach_the_kernel()
    {
        var path = _paths.Next();
        using var pair = new ConnectedPair(path, serverOptions: new IpcSocketOptions { ReceiveBufferLimit = 4096 }, drainServer: false);
        var big = new byte[2 * 1024 * 1024];
        var write = pair.Client.WriteAsync(big).AsTask();
        Assert.False(write.IsCompleted, "2 MiB cannot fit in the kernel while the reader does not read");
        Assert.True(pair.Client.BytesLeftToSend > 0);

        pair.Server.Close();
        var e = await Assert.ThrowsAsync<IpcSocketException>(() => write.WaitAsync(EventRecorder.Timeout));
        Assert.Equal(IpcErrorCode.LostConnection, e.ErrorNumber);
        Assert.Equal(0, pair.Client.BytesLeftToSend);
        pair.ClientEvents.WaitError();
    }
}
