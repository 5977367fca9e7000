using AkkaIpc.Sockets.Internal;

namespace AkkaIpc.Sockets.Tests;

public sealed class SocketFileTests : IDisposable
{
    private static readonly UnixFileMode Mode0600 = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    private readonly TestPaths _paths = new();

    public void Dispose() => _paths.Dispose();

    [Fact]
    public void The_socket_file_is_created_with_mode_0600_and_removed_on_Close()
    {
        var path = _paths.Next();
        using var server = new IpcSocket { Path = path };
        server.Listen();
        Assert.Equal(FileKind.Socket, FileIdentity.Of(path)?.Kind);
        Assert.Equal(Mode0600, File.GetUnixFileMode(path));

        server.Close();
        Assert.False(File.Exists(path));
        Assert.Null(FileIdentity.Of(path));
    }

    [Fact]
    public void The_socket_file_mode_is_configurable()
    {
        var path = _paths.Next();
        var mode = (UnixFileMode)Convert.ToInt32("660", 8);
        using var server = new IpcSocket(new IpcSocketOptions { SocketFileMode = mode }) { Path = path };
        server.Listen();
        Assert.Equal(mode, File.GetUnixFileMode(path));
    }

    [Fact]
    public void No_socket_file_is_left_after_the_peer_disconnects_or_the_socket_is_disposed()
    {
        var path = _paths.Next();
        using (var pair = new ConnectedPair(path))
        {
            pair.Client.Close();
            pair.ServerEvents.WaitError();
            Assert.Null(FileIdentity.Of(path));
        }

        using (var pair = new ConnectedPair(path))
        {
            Assert.NotNull(FileIdentity.Of(path));
        }

        Assert.Null(FileIdentity.Of(path));
    }

    [Fact]
    public void A_listener_does_not_remove_a_file_that_replaced_its_own()
    {
        var path = _paths.Next();
        using var server = new IpcSocket { Path = path };
        server.Listen();
        File.Delete(path);
        File.WriteAllText(path, "someone else's");

        server.Close();
        Assert.Equal("someone else's", File.ReadAllText(path));
    }

    [Fact]
    public void A_listener_does_not_remove_another_listeners_socket_that_replaced_its_own()
    {
        var path = _paths.Next();
        using var first = new IpcSocket { Path = path };
        first.Listen();
        File.Delete(path);
        using var second = new IpcSocket { Path = path };
        second.Listen();
        var secondFile = FileIdentity.Of(path);

        first.Close();
        Assert.Equal(secondFile, FileIdentity.Of(path));
        using var client = new IpcSocket { Path = path };
        client.Connect();
        Assert.True(client.IsConnected);
    }

    [Fact]
    public void A_stale_socket_file_is_reclaimed_by_Listen()
    {
        var path = _paths.Next();
        ErrorCodeTests.MakeStaleSocketFile(path);
        File.SetUnixFileMode(path, (UnixFileMode)Convert.ToInt32("644", 8));
        using var client = new IpcSocket { Path = path };
        Assert.Equal(IpcErrorCode.NameResolutionError, Assert.Throws<IpcSocketException>(client.Connect).ErrorNumber);

        // The freed inode number may be reused at once, so the proof is the new mode and a working listener.
        using var server = new IpcSocket { Path = path };
        server.Listen();
        Assert.Equal(Mode0600, File.GetUnixFileMode(path));
        client.Connect();
        Assert.True(client.IsConnected);
    }

    [Fact]
    public void A_live_listener_in_another_process_is_never_touched_and_keeps_its_peer_free()
    {
        var path = _paths.Next();
        using var peer = PeerProcess.Start("listen", path);
        peer.WaitLine("Listening");
        var before = FileIdentity.Of(path);

        using var rival = new IpcSocket { Path = path };
        Assert.Equal(IpcErrorCode.AddressInUseError, Assert.Throws<IpcSocketException>(rival.Listen).ErrorNumber);
        Assert.Equal(before, FileIdentity.Of(path));

        // The refused Listen did not connect to the peer, so its one connection is still free for us.
        using var client = new IpcSocket { Path = path };
        var events = new EventRecorder(client);
        client.Connect();
        peer.WaitLine("Connected");
        client.Write("after the rival\n");
        Assert.Equal("DataAvailable: after the rival", peer.WaitLine("DataAvailable"));
        Assert.DoesNotContain(peer.Lines, l => l.StartsWith("Error", StringComparison.Ordinal));
        Assert.Empty(events.Errors);
    }
}
