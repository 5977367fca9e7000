namespace AkkaIpc.Sockets.Tests;

public sealed class PeerCredentialTests : IDisposable
{
    private static readonly UnixFileMode Mode0666 = (UnixFileMode)Convert.ToInt32("666", 8);

    private readonly TestPaths _paths = new();

    public void Dispose() => _paths.Dispose();

    [Fact]
    public void Both_ends_see_the_other_process_pid_and_uid()
    {
        var path = _paths.Next();
        using var peer = PeerProcess.Start("listen", path);
        peer.WaitLine("Listening");
        using var client = new IpcSocket { Path = path };
        client.Connect();

        Assert.Equal(peer.Pid, client.PeerCredentials?.Pid);
        Assert.Equal(0, client.PeerCredentials?.Uid);
        Assert.Equal($"Connected pid={Environment.ProcessId} uid=0 gid=0", peer.WaitLine("Connected"));
    }

    [Fact]
    public void A_peer_of_another_uid_is_rejected_and_the_listener_keeps_listening()
    {
        var path = _paths.Next();
        using var server = new IpcSocket(new IpcSocketOptions { SocketFileMode = Mode0666 }) { Path = path };
        var events = new EventRecorder(server);
        server.Listen();

        using var stranger = PeerProcess.Start(PeerProcess.NobodyUid, "connect", path);
        events.WaitRejected();
        Assert.Equal(PeerProcess.NobodyUid, events.Rejected[0].Uid);
        Assert.Equal(stranger.Pid, events.Rejected[0].Pid);
        Assert.Equal("Error: 102", stranger.WaitLine("Error"));
        Assert.False(server.IsConnected);
        Assert.DoesNotContain("Connected", events.Events);

        using var friend = new IpcSocket { Path = path };
        friend.Connect();
        events.WaitConnected();
        Assert.Equal(Environment.ProcessId, server.PeerCredentials?.Pid);
    }

    [Fact]
    public void An_allowed_uid_gets_through()
    {
        var path = _paths.Next();
        var options = new IpcSocketOptions { SocketFileMode = Mode0666, AllowedPeerUids = [PeerProcess.NobodyUid] };
        using var server = new IpcSocket(options) { Path = path };
        var events = new EventRecorder(server);
        server.Listen();

        using var peer = PeerProcess.Start(PeerProcess.NobodyUid, "connect", path);
        events.WaitConnected();
        Assert.Equal(new PeerCredentials(peer.Pid, PeerProcess.NobodyUid, PeerProcess.NobodyUid), server.PeerCredentials);
        peer.WaitLine("Connected");
        peer.SendLine("hello from nobody");
        events.WaitText("hello from nobody\n");
        Assert.Empty(events.Rejected);
    }

    [Fact]
    public void AllowAnyPeerUid_admits_every_uid()
    {
        var path = _paths.Next();
        var options = new IpcSocketOptions { SocketFileMode = Mode0666, AllowAnyPeerUid = true };
        using var server = new IpcSocket(options) { Path = path };
        var events = new EventRecorder(server);
        server.Listen();

        using var peer = PeerProcess.Start(PeerProcess.NobodyUid, "connect", path);
        events.WaitConnected();
        Assert.Equal(PeerProcess.NobodyUid, server.PeerCredentials?.Uid);
    }
}
