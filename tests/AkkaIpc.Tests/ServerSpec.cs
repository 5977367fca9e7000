using System.Text;
using Akka.Actor;
using AkkaIpc.Sockets;
using AkkaIpc.Tests.Support;
using Xunit.Abstractions;

namespace AkkaIpc.Tests;

public sealed class ServerSpec : IpcSpec
{
    public ServerSpec(ITestOutputHelper output)
        : base(output, RawFraming)
    {
    }

    [Fact]
    public async Task Server_must_serve_50_concurrent_clients_on_one_path()
    {
        const int clients = 50;
        var path = NewPath();
        var probe = CreateTestProbe();
        var server = Ipc.Serve(path, probe.Ref);
        ExpectListening(probe, path);

        var sockets = Enumerable.Range(0, clients).Select(_ => new IpcSocket { Path = path }).ToArray();
        try
        {
            await Task.WhenAll(sockets.Select(s => s.ConnectAsync()));
            var connections = new HashSet<IActorRef>();
            for (var i = 0; i < clients; i++)
                Assert.True(connections.Add(probe.ExpectMsg<PeerConnected>(Long).Connection));

            // Every client says who it is; the server's subscriber answers each on the connection it came from.
            for (var i = 0; i < clients; i++)
                sockets[i].Write($"client-{i}");
            var seen = new Dictionary<string, IActorRef>();
            while (seen.Count < clients)
            {
                var received = probe.FishForMessage<Received>(_ => true, Long);
                Assert.Contains(probe.LastSender, connections);
                seen[Text(received)] = probe.LastSender;
            }

            foreach (var (text, connection) in seen)
                connection.Tell(Write.Text("re:" + text), probe.Ref);
            for (var i = 0; i < clients; i++)
            {
                var reply = new byte[64];
                using var cts = new CancellationTokenSource(Long);
                var n = await sockets[i].ReadAsync(reply, cts.Token);
                Assert.Equal($"re:client-{i}", Encoding.UTF8.GetString(reply, 0, n));
            }

            // Clients leave; each connection ends with 102 and the server keeps accepting.
            foreach (var socket in sockets)
                socket.Close();
            var gone = new HashSet<IActorRef>();
            while (gone.Count < clients)
            {
                var disconnected = probe.FishForMessage<PeerDisconnected>(_ => true, Long);
                Assert.Equal(IpcErrorCode.LostConnection, disconnected.Code);
                gone.Add(disconnected.Connection);
            }

            Assert.Equal(connections, gone);
            using var late = new IpcSocket { Path = path };
            late.Connect();
            probe.FishForMessage<PeerConnected>(_ => true, Long);
            server.Tell(GetStatus.Instance, probe.Ref);
            Assert.Equal(SocketRole.Server, probe.FishForMessage<SocketStatus>(_ => true, Long).Role);
        }
        finally
        {
            foreach (var socket in sockets)
                socket.Dispose();
        }
    }

    [Fact]
    public async Task Server_must_pause_accepting_at_max_connections_until_one_ends()
    {
        var path = NewPath();
        var probe = CreateTestProbe();
        var settings = Ipc.Settings.Socket.WithServerLimits(2, TimeSpan.FromSeconds(1));
        Ipc.Serve(path, probe.Ref, settings);
        ExpectListening(probe, path);
        using var a = new IpcSocket { Path = path };
        using var b = new IpcSocket { Path = path };
        using var c = new IpcSocket { Path = path };

        await a.ConnectAsync();
        var first = probe.ExpectMsg<PeerConnected>(Long);
        await b.ConnectAsync();
        probe.ExpectMsg<PeerConnected>(Long);
        await c.ConnectAsync();   // completes in the kernel's backlog; the server does not take it yet
        probe.ExpectNoMsg(TimeSpan.FromMilliseconds(500));

        a.Close();
        Assert.Equal(IpcErrorCode.LostConnection, probe.ExpectMsg<IpcError>(Long).Code);   // from the connection itself
        var gone = probe.ExpectMsg<PeerDisconnected>(Long);
        Assert.Equal(first.Connection, gone.Connection);
        var third = probe.ExpectMsg<PeerConnected>(Long);
        c.Write("third");
        Assert.Equal("third", Text(probe.ExpectMsg<Received>(Long)));
        Assert.Equal(third.Connection, probe.LastSender);
    }

    [Fact]
    public void Server_must_refuse_a_path_held_by_a_regular_file_and_leave_it_alone()
    {
        var path = NewPath();
        File.WriteAllText(path, "not a socket");
        var probe = CreateTestProbe();
        var server = Ipc.Serve(path, probe.Ref);
        Watch(server);

        Assert.Equal(IpcErrorCode.AddressInUseError, probe.ExpectMsg<IpcError>(Long).Code);
        Assert.Equal(IpcErrorCode.AddressInUseError, probe.ExpectMsg<GaveUp>(Long).Cause);
        ExpectTerminated(server, Long);
        Assert.Equal("not a socket", File.ReadAllText(path));
    }

    [Fact]
    public void Server_must_report_a_peer_of_another_uid_and_keep_accepting()
    {
        Assert.True(Environment.IsPrivilegedProcess, "the cross-uid spec runs as root (CI does) to start a peer as uid 65534");
        var path = NewPath();
        var probe = CreateTestProbe();
        Ipc.Serve(path, probe.Ref, Ipc.Settings.Socket.WithFileMode((UnixFileMode)0x1B6));
        ExpectListening(probe, path);

        using (var stranger = PeerProcess.StartAs(65534, "connect", path))
            Assert.Equal(65534, probe.ExpectMsg<PeerRejected>(Long).Credentials.Uid);

        using var friend = PeerProcess.Start("connect", path);
        Assert.Equal(friend.Pid, probe.ExpectMsg<PeerConnected>(Long).Peer?.Pid);
    }

    [Fact]
    public void Server_must_accept_peer_processes_and_close_every_connection_on_Close()
    {
        var path = NewPath();
        var probe = CreateTestProbe();
        var server = Ipc.Serve(path, probe.Ref);
        ExpectListening(probe, path);
        using var a = PeerProcess.Start("connect", path);
        using var b = PeerProcess.Start("connect", path);
        var pids = new HashSet<int?>
        {
            probe.ExpectMsg<PeerConnected>(Long).Peer?.Pid,
            probe.ExpectMsg<PeerConnected>(Long).Peer?.Pid,
        };
        Assert.Equal(new HashSet<int?> { a.Pid, b.Pid }, pids);
        a.WaitForLine("Connected");
        b.WaitForLine("Connected");

        Watch(server);
        server.Tell(Close.Instance, probe.Ref);
        a.WaitForLine("Error: 102");
        b.WaitForLine("Error: 102");
        probe.FishForMessage<Closed>(_ => true, Long);
        ExpectTerminated(server, Long);
        Assert.False(File.Exists(path));
    }
}
