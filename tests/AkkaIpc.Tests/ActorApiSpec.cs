using System.Net.Sockets;
using System.Text;
using Akka.Actor;
using Akka.IO;
using AkkaIpc.Sockets;
using AkkaIpc.Tests.Support;
using Xunit.Abstractions;

namespace AkkaIpc.Tests;

/// <summary>
/// The actor API as an Akka user meets it with the library's defaults: message boundaries, readiness, the byte types
/// a user holds, and how a connection ended.
/// </summary>
public sealed class ActorApiSpec : IpcSpec
{
    public ActorApiSpec(ITestOutputHelper output)
        : base(output)
    {
    }

    [Fact]
    public async Task Default_framing_must_deliver_each_pipelined_write_as_one_Received()
    {
        var path = NewPath();
        var server = CreateTestProbe();
        await Ipc.ListenAsync(path, server.Ref);
        var client = await Ipc.ConnectAsync(path);
        server.FishForMessage<Connected>(_ => true, Long);

        // 200 writes of 32 bytes back to back, without waiting: with raw framing the kernel merges them freely.
        var sent = Enumerable.Range(0, 200).Select(i => Encoding.ASCII.GetBytes($"message {i:D3}".PadRight(32, '.'))).ToList();
        foreach (var bytes in sent)
            client.Tell(Write.Owning(bytes), ActorRefs.NoSender);

        foreach (var bytes in sent)
            Assert.Equal(bytes, server.FishForMessage<Received>(_ => true, Long).Data.ToArray());
    }

    [Fact]
    public async Task ConnectAsync_must_complete_when_connected_so_the_first_write_is_taken()
    {
        var path = NewPath();
        var server = CreateTestProbe();
        var listener = await Ipc.ListenAsync(path, server.Ref);
        Send(server, listener, GetStatus.Instance);
        Assert.True(server.FishForMessage<SocketStatus>(_ => true, Long).IsListening);

        var client = await Ipc.ConnectAsync(path);
        var probe = CreateTestProbe();
        Send(probe, client, Write.Text("first", "ack"));
        probe.ExpectMsg("ack", Long);
        Assert.Equal("first", Text(server.FishForMessage<Received>(_ => true, Long)));

        // Asked again once connected, the answer comes at once.
        Send(probe, client, AwaitConnected.Instance);
        Assert.Equal(path, probe.ExpectMsg<Connected>(Long).Path);
        Send(probe, listener, AwaitListening.Instance);
        Assert.Equal(path, probe.ExpectMsg<Listening>(Long).Path);
    }

    [Fact]
    public async Task ConnectAsync_must_fail_with_the_code_that_stops_the_link()
    {
        var path = NewPath();
        var settings = Ipc.Settings.Socket.WithBackoff(
            TimeSpan.FromMilliseconds(10), TimeSpan.FromMilliseconds(20), 0, maxRetries: 2, TimeSpan.FromMinutes(1));

        var error = await Assert.ThrowsAsync<IpcSocketException>(() => Ipc.ConnectAsync(path, settings: settings));

        Assert.Equal(IpcErrorCode.NameResolutionError, error.ErrorNumber);
        Assert.Contains(path, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ListenAsync_must_fail_with_105_on_a_foreign_file_and_leave_it_alone()
    {
        var path = NewPath();
        await File.WriteAllTextAsync(path, "not a socket");

        var error = await Assert.ThrowsAsync<IpcSocketException>(() => Ipc.ListenAsync(path));

        Assert.Equal(IpcErrorCode.AddressInUseError, error.ErrorNumber);
        Assert.Equal("not a socket", await File.ReadAllTextAsync(path));
    }

    [Fact]
    public async Task A_link_that_gives_up_before_its_readiness_is_asked_must_still_tell_its_starter_why()
    {
        // ListenAsync hung under load: the link gave up (105) and stopped on other threads before the readiness request
        // reached it, so nobody answered. Here the request comes only after the link is gone.
        var path = NewPath();
        await File.WriteAllTextAsync(path, "not a socket");
        var notReady = new TaskCompletionSource<IpcSocketException>(TaskCreationOptions.RunContinuationsAsynchronously);
        var link = Sys.ActorOf(AkkaIpc.Internal.SocketSupervisor.Props(SocketRole.Listener, path, Ipc.Settings.Socket, null, e => notReady.TrySetResult(e)));
        Watch(link);
        ExpectTerminated(link, Long);

        Assert.Equal(IpcErrorCode.AddressInUseError, (await notReady.Task.WaitAsync(Long)).ErrorNumber);
        Assert.Equal("not a socket", await File.ReadAllTextAsync(path));
    }

    [Fact]
    public async Task ConnectAsync_cancelled_must_close_the_link_it_started()
    {
        var path = NewPath();
        using var cancel = new CancellationTokenSource();
        var connecting = Ipc.ConnectAsync(path, name: "cancelled-link", cancellationToken: cancel.Token);
        var watcher = CreateTestProbe();
        var link = await Sys.ActorSelection("/user/cancelled-link").ResolveOne(Long);
        watcher.Watch(link);

        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => connecting);
        watcher.ExpectTerminated(link, Long);
    }

    [Fact]
    public async Task Held_writes_must_reach_a_listener_that_comes_up_later_in_order_each_answered_once()
    {
        var path = NewPath();
        var settings = Ipc.Settings.Socket.WithHeldWrites(64);
        var probe = CreateTestProbe();
        var client = Ipc.Connect(path, settings: settings);

        // Nothing listens yet: the link holds what fits and refuses the rest with 108, at once.
        Send(probe, client, Write.Text("one-", 1));
        Send(probe, client, Write.Text("two-", 2));
        Send(probe, client, Write.CopyOf(new byte[100], "too big"));
        Assert.Equal(IpcErrorCode.OutOfMemoryError, probe.ExpectMsg<CommandFailed>(Long).Code);

        var server = CreateTestProbe();
        await Ipc.ListenAsync(path, server.Ref);
        Send(probe, client, Write.Text("three", 3));

        probe.ExpectMsg(1, Long);
        probe.ExpectMsg(2, Long);
        probe.ExpectMsg(3, Long);
        Assert.Equal("one-", Text(server.FishForMessage<Received>(_ => true, Long)));
        Assert.Equal("two-", Text(server.ExpectMsg<Received>(Long)));
        Assert.Equal("three", Text(server.ExpectMsg<Received>(Long)));
        probe.ExpectNoMsg(TimeSpan.FromMilliseconds(200));
    }

    [Fact]
    public void Held_writes_must_each_fail_once_when_the_link_gives_up()
    {
        var path = NewPath();
        var settings = Ipc.Settings.Socket.WithHeldWrites(1024).WithBackoff(
            TimeSpan.FromMilliseconds(10), TimeSpan.FromMilliseconds(20), 0, maxRetries: 1, TimeSpan.FromMinutes(1));
        var probe = CreateTestProbe();
        var client = Ipc.Connect(path, settings: settings);

        Send(probe, client, Write.Text("a", "ack-a"));
        Send(probe, client, Write.Text("b"));

        var failures = new[] { probe.ExpectMsg<CommandFailed>(Long), probe.ExpectMsg<CommandFailed>(Long) };
        Assert.All(failures, f => Assert.Equal(IpcErrorCode.NameResolutionError, f.Code));
        Assert.Equal(["a", "b"], failures.Select(f => Encoding.UTF8.GetString(((Write)f.Command).Data.AsSpan())));
        probe.ExpectNoMsg(TimeSpan.FromMilliseconds(200));
    }

    [Fact]
    public async Task Writes_must_take_byte_arrays_spans_and_byte_strings()
    {
        var path = NewPath();
        var server = CreateTestProbe();
        await Ipc.ListenAsync(path, server.Ref);
        var client = await Ipc.ConnectAsync(path);
        server.FishForMessage<Connected>(_ => true, Long);

        var buffer = Encoding.ASCII.GetBytes("copied");
        client.Tell(Write.CopyOf(buffer), ActorRefs.NoSender);
        buffer.AsSpan().Fill((byte)'x');   // a copy: changing the buffer afterwards changes nothing sent
        client.Tell(Write.Owning(Encoding.ASCII.GetBytes("owned")), ActorRefs.NoSender);
        client.Tell(Write.From(ByteString.FromString("byte").Concat(ByteString.FromString("string"))), ActorRefs.NoSender);
        client.Tell(Write.From(ByteString.FromString("compact")), ActorRefs.NoSender);

        Assert.Equal("copied", Text(server.FishForMessage<Received>(_ => true, Long)));
        Assert.Equal("owned", Text(server.ExpectMsg<Received>(Long)));
        Assert.Equal("bytestring", server.ExpectMsg<Received>(Long).ToByteString().ToString());
        Assert.Equal("compact", server.ExpectMsg<Received>(Long).ToByteString().ToString());
    }

    [Fact]
    public async Task IpcError_102_must_say_end_of_stream_when_the_peer_closes_after_reading_everything()
    {
        var path = NewPath();
        var probe = CreateTestProbe();
        await Ipc.ListenAsync(path, probe.Ref);
        using (var peer = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified))
        {
            await peer.ConnectAsync(new UnixDomainSocketEndPoint(path));
            probe.FishForMessage<Connected>(_ => true, Long);
        }

        var error = probe.FishForMessage<IpcError>(_ => true, Long);
        Assert.Equal((IpcErrorCode.LostConnection, Disconnection.EndOfStream), (error.Code, error.Disconnection));
    }

    [Fact]
    public async Task IpcError_102_must_say_reset_when_the_peer_ends_with_bytes_it_never_read()
    {
        var path = NewPath();
        var probe = CreateTestProbe();
        var listener = await Ipc.ListenAsync(path, probe.Ref);
        using (var peer = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified))
        {
            await peer.ConnectAsync(new UnixDomainSocketEndPoint(path));
            probe.FishForMessage<Connected>(_ => true, Long);
            Send(probe, listener, Write.Text("never read", "in the peer's kernel buffer"));
            probe.FishForMessage<string>(m => m == "in the peer's kernel buffer", Long);
        }

        var error = probe.FishForMessage<IpcError>(_ => true, Long);
        Assert.Equal((IpcErrorCode.LostConnection, Disconnection.Reset), (error.Code, error.Disconnection));
    }

    [Fact]
    public async Task CoordinatedShutdown_must_close_every_link_and_remove_its_socket_file()
    {
        var path = NewPath();
        var probe = CreateTestProbe();
        await Ipc.ListenAsync(path, probe.Ref);
        await Ipc.ConnectAsync(path, probe.Ref);
        Assert.True(File.Exists(path));

        await CoordinatedShutdown.Get(Sys).Run(CoordinatedShutdown.ClrExitReason.Instance);

        // Both links were closed as by a Close command (not just stopped), and the listener took its file along.
        probe.FishForMessage<Closed>(_ => true, Long);
        probe.FishForMessage<Closed>(_ => true, Long);
        Assert.False(File.Exists(path));
    }
}
