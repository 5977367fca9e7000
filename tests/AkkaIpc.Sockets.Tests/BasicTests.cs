using System.Text;

namespace AkkaIpc.Sockets.Tests;

public sealed class BasicTests : IDisposable
{
    private readonly TestPaths _paths = new();

    public void Dispose() => _paths.Dispose();

    [Fact]
    public void Listen_and_Connect_exchange_bytes_both_ways_and_Close_gives_the_peer_102()
    {
        var path = _paths.Next();
        using var server = new IpcSocket { Path = path };
        using var client = new IpcSocket { Path = path };
        var serverEvents = new EventRecorder(server);
        var clientEvents = new EventRecorder(client);

        server.Listen();
        client.Connect();
        serverEvents.WaitConnected();
        clientEvents.WaitConnected();
        Assert.True(server.IsConnected);
        Assert.True(client.IsConnected);

        client.Write("hello");
        client.Flush();
        serverEvents.WaitText("hello");
        server.Write(Encoding.UTF8.GetBytes("world"));
        clientEvents.WaitText("world");

        client.Close();
        var error = serverEvents.WaitError();
        Assert.Equal(IpcErrorCode.LostConnection, error.ErrorNumber);
        Assert.StartsWith("102: ", error.Message, StringComparison.Ordinal);
        Assert.Contains(path, error.Message, StringComparison.Ordinal);
        Assert.False(server.IsConnected);
        Assert.Equal(IpcErrorCode.LostConnection, server.LastErrorCode);
        Assert.False(File.Exists(path));
        Assert.Empty(clientEvents.Errors);
    }
}
