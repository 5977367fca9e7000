using System.Collections.Immutable;
using Akka.Actor;
using AkkaIpc.Internal;
using AkkaIpc.Sockets;
using AkkaIpc.Tests.Support;
using Xunit.Abstractions;

namespace AkkaIpc.Tests;

public sealed class SocketActorSpec : IpcSpec
{
    public SocketActorSpec(ITestOutputHelper output)
        : base(output, RawFraming)
    {
    }

    [Fact]
    public void SocketActor_must_deliver_Connected_and_data_from_a_peer_process_and_ack_writes()
    {
        var path = NewPath();
        var probe = CreateTestProbe();
        var listener = Ipc.Listen(path, probe.Ref);
        ExpectListening(probe, path);
        Assert.Equal(listener, probe.LastSender);
        using var peer = PeerProcess.Start("connect", path, "--echo");

        var connected = probe.ExpectMsg<Connected>(Long);
        Assert.Equal(path, connected.Path);
        Assert.Equal(peer.Pid, connected.Peer?.Pid);
        Assert.Equal(listener, probe.LastSender);

        Send(probe, listener, Write.Text("ping\n", "ack-1"));
        ExpectAckAndEcho(probe, "ack-1", "ping\n");

        // Data typed into the peer arrives too (the peer writes each stdin line plus "\n").
        peer.SendLine("from the peer");
        ExpectText(probe, "from the peer\n");
    }

    [Fact]
    public void SocketActor_must_deliver_to_every_subscriber()
    {
        var path = NewPath();
        var first = CreateTestProbe();
        var second = CreateTestProbe();
        var listener = Ipc.Listen(path, first.Ref);
        Send(second, listener, new Subscribe(second.Ref));
        second.ExpectMsg<Subscribed>(s => Assert.Equal(second.Ref, s.Subscriber), Long);
        ExpectListening(first, path);   // not replayed to second, which subscribed after the socket listened
        using var peer = PeerProcess.Start("connect", path);

        first.ExpectMsg<Connected>(Long);
        second.ExpectMsg<Connected>(Long);
        peer.SendLine("both");
        ExpectText(first, "both\n");
        ExpectText(second, "both\n");

        // A late subscriber gets Subscribed and, since the socket is connected, Connected at once.
        var late = CreateTestProbe();
        Send(late, listener, new Subscribe(late.Ref));
        late.ExpectMsg<Subscribed>(Long);
        late.ExpectMsg<Connected>(c => Assert.Equal(peer.Pid, c.Peer?.Pid), Long);
    }

    [Fact]
    public void SocketActor_must_drop_a_subscriber_that_stopped()
    {
        var path = NewPath();
        var stays = CreateTestProbe();
        var goes = CreateTestProbe();
        var listener = Ipc.Listen(path, stays.Ref);
        ExpectListening(stays, path);
        Send(goes, listener, new Subscribe(goes.Ref));
        goes.ExpectMsg<Subscribed>(Long);
        Assert.Equal(2, Subscribers(listener).Count);

        Watch(goes.Ref);
        Sys.Stop(goes.Ref);
        ExpectTerminated(goes.Ref, Long);
        AwaitAssert(() => Assert.Equal([stays.Ref], Subscribers(listener)), Long);

        // Unsubscribe removes as well, and is answered.
        Send(stays, listener, new Unsubscribe(stays.Ref));
        stays.ExpectMsg<Unsubscribed>(Long);
        Assert.Empty(Subscribers(listener));
    }

    [Fact]
    public void SocketActor_must_fail_a_write_before_it_is_connected_with_106_and_stay_alive()
    {
        var path = NewPath();
        var probe = CreateTestProbe();
        var listener = Ipc.Listen(path, probe.Ref);
        ExpectListening(probe, path);
        var write = Write.Text("too early", "never");

        Send(probe, listener, write);
        var failed = probe.ExpectMsg<CommandFailed>(Long);
        Assert.Equal(IpcErrorCode.InvalidStateError, failed.Code);
        Assert.Same(write, failed.Command);
        Send(probe, listener, Flush.Instance);
        Assert.Equal(IpcErrorCode.InvalidStateError, probe.ExpectMsg<CommandFailed>(Long).Code);

        // Still alive and still listening: a peer connects and writes then succeed.
        Send(probe, listener, GetStatus.Instance);
        var status = probe.ExpectMsg<SocketStatus>(Long);
        Assert.False(status.IsConnected);
        Assert.Equal(SocketRole.Listener, status.Role);
        using var peer = PeerProcess.Start("connect", path);
        probe.ExpectMsg<Connected>(Long);
        Send(probe, listener, Write.Text("now\n", "ok"));
        probe.ExpectMsg("ok", Long);
        peer.WaitForLine("DataAvailable: now");
    }

    [Fact]
    public async Task SocketActor_must_answer_every_acked_write_and_fail_with_108_when_the_queue_is_full()
    {
        var path = NewPath();
        // The peer reads nothing at first and buffers little, so the kernel fills up and then the 64 KiB send queue.
        using var peer = new IpcSocket(new IpcSocketOptions { ReceiveBufferLimit = 1024 }) { Path = path };
        peer.Listen();
        var probe = CreateTestProbe();
        var settings = Ipc.Settings.Socket.WithQueueLimits(64 * 1024, 1024 * 1024);
        var connector = Ipc.Connect(path, probe.Ref, settings);
        probe.ExpectMsg<Connected>(Long);

        const int writes = 200;
        var chunk = ImmutableArray.Create(new byte[16 * 1024]);
        for (var i = 0; i < writes; i++)
            Send(probe, connector, new Write(chunk, i));

        var acked = new List<int>();
        var failed = new List<CommandFailed>();
        void Answer()
        {
            switch (probe.ReceiveOne(Long))
            {
                case int ack:
                    acked.Add(ack);
                    break;
                case CommandFailed f:
                    failed.Add(f);
                    break;
                case var other:
                    Assert.Fail($"unexpected {other ?? "timeout"} after {acked.Count} acks and {failed.Count} failures");
                    break;
            }
        }

        while (failed.Count == 0)
            Answer();

        // Now the peer reads: the writes still queued reach the kernel and get their acks.
        using var stop = new CancellationTokenSource();
        var drain = Task.Run(async () =>
        {
            var buffer = new byte[64 * 1024];
            try
            {
                while (true)
                    await peer.ReadAsync(buffer, stop.Token);
            }
            catch (OperationCanceledException)
            {
                // The test is done with the peer.
            }
        });
        while (acked.Count + failed.Count < writes)
            Answer();
        await stop.CancelAsync();
        await drain;

        Assert.NotEmpty(acked);
        Assert.All(failed, f => Assert.Equal(IpcErrorCode.OutOfMemoryError, f.Code));
        Assert.Equal(acked.Order(), acked);   // acks come in write order
        Assert.Equal(writes, acked.Count + failed.Count);
        probe.ExpectNoMsg(TimeSpan.FromMilliseconds(200));   // exactly one answer each
    }

    [Fact]
    public void SocketActor_must_close_for_good_and_the_peer_must_get_102()
    {
        var path = NewPath();
        var probe = CreateTestProbe();
        var listener = Ipc.Listen(path, probe.Ref);
        ExpectListening(probe, path);
        using var peer = PeerProcess.Start("connect", path);
        probe.ExpectMsg<Connected>(Long);
        peer.WaitForLine("Connected");
        Watch(listener);

        Send(probe, listener, Close.Instance);
        probe.ExpectMsg<Closed>(Long);
        peer.WaitForLine("Error: 102");
        ExpectTerminated(listener, Long);
        Assert.False(File.Exists(path), "a listener removes its own socket file when it closes");
    }

    [Fact]
    public void SocketActor_must_report_its_status()
    {
        var path = NewPath();
        var probe = CreateTestProbe();
        var listener = Ipc.Listen(path, probe.Ref);
        ExpectListening(probe, path);
        using var peer = PeerProcess.Start("connect", path);
        probe.ExpectMsg<Connected>(Long);

        Send(probe, listener, GetStatus.Instance);
        var status = probe.ExpectMsg<SocketStatus>(Long);
        Assert.Equal(path, status.Path);
        Assert.True(status.IsConnected);
        Assert.Equal(peer.Pid, status.Peer?.Pid);
        Assert.Equal(0, status.Restarts);
    }

    private IReadOnlyList<IActorRef> Subscribers(IActorRef socket) =>
        socket.Ask<SubscriberList>(GetSubscribers.Instance, Long).GetAwaiter().GetResult().Subscribers;
}
