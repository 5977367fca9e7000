using Akka.Actor;
using AkkaIpc.Sockets;
using AkkaIpc.Tests.Support;
using Xunit.Abstractions;

namespace AkkaIpc.Tests;

public sealed class SocketSupervisorSpec : IpcSpec
{
    public SocketSupervisorSpec(ITestOutputHelper output)
        : base(output, RawFraming)
    {
    }

    [Fact]
    public void SocketSupervisor_must_relisten_on_the_same_path_after_the_peer_is_killed()
    {
        var path = NewPath();
        var probe = CreateTestProbe();
        var listener = Ipc.Listen(path, probe.Ref);
        ExpectListening(probe, path);
        Assert.Equal(listener, probe.LastSender);
        // Only listens, never sends commands, so the events arrive in order with no replies between them.
        var events = CreateTestProbe();
        Send(events, listener, new Subscribe(events.Ref));
        events.ExpectMsg<Subscribed>(Long);
        using (var first = PeerProcess.Start("connect", path))
        {
            Assert.Equal(first.Pid, probe.ExpectMsg<Connected>(Long).Peer?.Pid);
            first.WaitForLine("Connected");
            first.KillHard();
        }

        var error = probe.ExpectMsg<IpcError>(Long);
        Assert.Equal(IpcErrorCode.LostConnection, error.Code);
        var restarting = probe.ExpectMsg<Restarting>(Long);
        Assert.Equal(1, restarting.Attempt);
        Assert.Equal(IpcErrorCode.LostConnection, restarting.Cause);
        Assert.InRange(restarting.Delay, TimeSpan.FromMilliseconds(50), TimeSpan.FromMilliseconds(55.1));

        // While down, writes are refused with 106, never dropped silently.
        Send(probe, listener, Write.Text("while down", "ack"));
        var refused = probe.FishForMessage<CommandFailed>(_ => true, Long);
        Assert.Equal(IpcErrorCode.InvalidStateError, refused.Code);

        // A fresh socket listens on the same path; a new peer connects; nobody subscribed again.
        AwaitAssert(() =>
        {
            Send(probe, listener, GetStatus.Instance);
            Assert.Equal(1, probe.FishForMessage<SocketStatus>(_ => true, Long).Restarts);
        }, Long);
        events.ExpectMsg<Connected>(Long);
        events.ExpectMsg<IpcError>(Long);
        events.ExpectMsg<Restarting>(Long);
        ExpectListening(events, path);   // the fresh socket announces itself again, nobody subscribed again
        Assert.Equal(listener, events.LastSender);
        using var second = PeerProcess.Start("connect", path, "--echo");
        var again = probe.FishForMessage<Connected>(_ => true, Long);
        Assert.Equal(second.Pid, again.Peer?.Pid);
        Send(probe, listener, Write.Text("back\n", "ack-2"));
        ExpectAckAndEcho(probe, "ack-2", "back\n");
    }

    [Fact]
    public void SocketSupervisor_must_listen_over_the_stale_file_a_killed_listener_left()
    {
        var path = NewPath();
        using (var dead = PeerProcess.Start("listen", path))
        {
            dead.WaitForLine("Listening");
            dead.KillHard();
        }

        Assert.True(File.Exists(path), "SIGKILL leaves the socket file behind");
        var probe = CreateTestProbe();
        Ipc.Listen(path, probe.Ref);
        using var peer = PeerProcess.Start("connect", path);
        var connected = probe.FishForMessage<Connected>(_ => true, Long);
        Assert.Equal(peer.Pid, connected.Peer?.Pid);
    }

    [Fact]
    public void SocketSupervisor_must_leave_a_live_listener_alone_and_give_up_with_105()
    {
        var path = NewPath();
        using var owner = PeerProcess.Start("listen", path);
        owner.WaitForLine("Listening");
        var probe = CreateTestProbe();
        var listener = Ipc.Listen(path, probe.Ref);
        Watch(listener);

        Assert.Equal(IpcErrorCode.AddressInUseError, probe.ExpectMsg<IpcError>(Long).Code);
        Assert.Equal(IpcErrorCode.AddressInUseError, probe.ExpectMsg<GaveUp>(Long).Cause);
        ExpectTerminated(listener, Long);
        Assert.False(owner.HasExited);
        Assert.True(File.Exists(path), "the live listener's file must not be touched");
    }

    [Fact]
    public void SocketSupervisor_must_report_a_peer_of_another_uid_and_keep_listening()
    {
        Assert.True(Environment.IsPrivilegedProcess, "the cross-uid spec runs as root (CI does) to start a peer as uid 65534");
        var path = NewPath();
        var probe = CreateTestProbe();
        // 0666 lets the other uid reach the socket, so the uid check (own uid only, the default) is what refuses it.
        var settings = Ipc.Settings.Socket.WithFileMode((UnixFileMode)0x1B6);
        Ipc.Listen(path, probe.Ref, settings);
        ExpectListening(probe, path);

        using (var stranger = PeerProcess.StartAs(65534, "connect", path))
        {
            var rejected = probe.ExpectMsg<PeerRejected>(Long);
            Assert.Equal(65534, rejected.Credentials.Uid);
            Assert.Equal(stranger.Pid, rejected.Credentials.Pid);   // setpriv execs the peer in place
        }

        using var friend = PeerProcess.Start("connect", path);
        Assert.Equal(friend.Pid, probe.ExpectMsg<Connected>(Long).Peer?.Pid);
    }

    [Fact]
    public void SocketSupervisor_must_connect_once_a_late_listener_appears()
    {
        var path = NewPath();
        var probe = CreateTestProbe();
        var connector = Ipc.Connect(path, probe.Ref);

        Assert.Equal(IpcErrorCode.NameResolutionError, probe.ExpectMsg<IpcError>(Long).Code);
        Assert.Equal(IpcErrorCode.NameResolutionError, probe.ExpectMsg<Restarting>(Long).Cause);

        using var listener = PeerProcess.Start("listen", path, "--echo");
        var connected = probe.FishForMessage<Connected>(_ => true, Long);
        Assert.Equal(listener.Pid, connected.Peer?.Pid);
        Send(probe, connector, Write.Text("hello listener\n"));
        ExpectText(probe, "hello listener\n");
    }

    [Fact]
    public void SocketSupervisor_must_reconnect_after_its_listener_process_is_killed_and_replaced()
    {
        var path = NewPath();
        var probe = CreateTestProbe();
        var connector = Ipc.Connect(path, probe.Ref);
        using (var first = PeerProcess.Start("listen", path, "--echo"))
        {
            first.WaitForLine("Listening");
            Assert.Equal(first.Pid, probe.FishForMessage<Connected>(_ => true, Long).Peer?.Pid);
            first.KillHard();
        }

        Assert.Equal(IpcErrorCode.LostConnection, probe.FishForMessage<IpcError>(_ => true, Long).Code);
        Assert.Equal(IpcErrorCode.LostConnection, probe.ExpectMsg<Restarting>(Long).Cause);

        // The killed listener left its file; the new one reclaims it, and the connector finds it on a retry.
        using var second = PeerProcess.Start("listen", path, "--echo");
        Assert.Equal(second.Pid, probe.FishForMessage<Connected>(_ => true, Long).Peer?.Pid);
        Send(probe, connector, Write.Text("again\n", "ack"));
        ExpectAckAndEcho(probe, "ack", "again\n");
    }

    [Fact]
    public void SocketSupervisor_must_give_up_when_the_retry_budget_is_spent()
    {
        var path = NewPath();
        var probe = CreateTestProbe();
        var settings = Ipc.Settings.Socket.WithBackoff(
            TimeSpan.FromMilliseconds(20), TimeSpan.FromMilliseconds(40), 0.0, maxRetries: 2, TimeSpan.FromMinutes(1));
        var connector = Ipc.Connect(path, probe.Ref, settings);
        Watch(connector);

        Assert.Equal(IpcErrorCode.NameResolutionError, probe.ExpectMsg<IpcError>(Long).Code);
        var first = probe.ExpectMsg<Restarting>(Long);
        Assert.Equal((1, TimeSpan.FromMilliseconds(20)), (first.Attempt, first.Delay));
        probe.ExpectMsg<IpcError>(Long);
        var second = probe.ExpectMsg<Restarting>(Long);
        Assert.Equal((2, TimeSpan.FromMilliseconds(40)), (second.Attempt, second.Delay));
        probe.ExpectMsg<IpcError>(Long);
        var gaveUp = probe.ExpectMsg<GaveUp>(Long);
        Assert.Equal(IpcErrorCode.NameResolutionError, gaveUp.Cause);
        Assert.Contains("max-retries", gaveUp.Message, StringComparison.Ordinal);
        ExpectTerminated(connector, Long);
    }

    [Fact]
    public void SocketSupervisor_must_outlive_more_peers_coming_and_going_than_its_retry_budget()
    {
        var path = NewPath();
        var probe = CreateTestProbe();
        var settings = Ipc.Settings.Socket.WithBackoff(
            TimeSpan.FromMilliseconds(20), TimeSpan.FromMilliseconds(40), 0.0, maxRetries: 2, TimeSpan.FromMinutes(1));
        var listener = Ipc.Listen(path, probe.Ref, settings);
        ExpectListening(probe, path);

        // Twice the budget: each peer connects, then goes; a connection restores the budget, so this never gives up.
        for (var i = 0; i < 4; i++)
        {
            using var peer = new IpcSocket { Path = path };
            peer.Connect();
            probe.ExpectMsg<Connected>(Long);
            peer.Close();
            Assert.Equal(IpcErrorCode.LostConnection, probe.ExpectMsg<IpcError>(Long).Code);
            var restarting = probe.ExpectMsg<Restarting>(Long);
            Assert.Equal((1, TimeSpan.FromMilliseconds(20)), (restarting.Attempt, restarting.Delay));
            ExpectListening(probe, path);
        }

        Send(probe, listener, GetStatus.Instance);
        Assert.Equal(4, probe.ExpectMsg<SocketStatus>(Long).Restarts);
    }

    [Fact]
    public void SocketSupervisor_must_stop_on_an_invalid_path_with_107_and_never_retry()
    {
        var path = "/tmp/" + new string('x', 150) + ".sock";
        var probe = CreateTestProbe();
        var listener = Ipc.Listen(path, probe.Ref);
        Watch(listener);

        var error = probe.ExpectMsg<IpcError>(Long);
        Assert.Equal(IpcErrorCode.InvalidPortError, error.Code);
        Assert.Contains("107", error.Message, StringComparison.Ordinal);
        Assert.Equal(IpcErrorCode.InvalidPortError, probe.ExpectMsg<GaveUp>(Long).Cause);
        ExpectTerminated(listener, Long);
        probe.ExpectNoMsg(TimeSpan.FromMilliseconds(300));
    }

    [Fact]
    public void SocketSupervisor_must_tell_late_subscribers_Subscribed_while_it_is_down()
    {
        var path = NewPath();
        var probe = CreateTestProbe();
        var settings = Ipc.Settings.Socket.WithBackoff(
            TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(30), 0.0, maxRetries: 5, TimeSpan.FromMinutes(1));
        var connector = Ipc.Connect(path, probe.Ref, settings);
        probe.ExpectMsg<IpcError>(Long);
        probe.ExpectMsg<Restarting>(Long);

        var late = CreateTestProbe();
        Send(late, connector, new Subscribe(late.Ref));
        late.ExpectMsg<Subscribed>(Long);
        Send(late, connector, Close.Instance);
        late.ExpectMsg<Closed>(Long);
        probe.ExpectMsg<Closed>(Long);
        Watch(connector);
        ExpectTerminated(connector, Long);
    }
}
