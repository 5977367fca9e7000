namespace AkkaIpc.Sockets.Tests;

/// <summary>Waits for written bytes across closes, losses and reconnects.</summary>
public sealed class LostWriteTests : IDisposable
{
    private readonly TestPaths _paths = new();

    public void Dispose() => _paths.Dispose();

    [Fact]
    public async Task FlushAsync_on_a_socket_reconnected_after_a_Close_dropped_bytes_completes_once_its_bytes_are_sent()
    {
        var stalled = new IpcSocketOptions { ReceiveBufferLimit = 4096 };
        using var first = new ConnectedPair(_paths.Next(), serverOptions: stalled, drainServer: false);
        var client = first.Client;
        StalledReader.FillKernel(client, seed: 30);
        client.Close();
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
