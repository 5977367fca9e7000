using System.Net.Sockets;
using System.Text;
using Akka;
using Akka.IO;
using Akka.Streams;
using Akka.Streams.Dsl;
using Akka.Streams.TestKit;
using AkkaIpc.Sockets;
using AkkaIpc.Tests.Support;
using Xunit.Abstractions;
using StreamTcp = Akka.Streams.Dsl.Tcp;

namespace AkkaIpc.Streams.Tests;

public sealed class ConnectionSpec : StreamSpec
{
    public ConnectionSpec(ITestOutputHelper output)
        : base(output)
    {
    }

    [Fact]
    public async Task An_outgoing_connection_gets_the_echo_of_everything_it_sent_after_completing_its_own_side()
    {
        var path = NewPath();
        var binding = await Within(IpcStream.BindAndHandle(Flow.Create<ByteString>(), Materializer, path));
        Assert.Equal(new IpcEndPoint(path), binding.LocalAddress);

        // The client completes its sending side first (half-close, the client default) and still reads the whole echo.
        var echoed = await Within(RunToText(
            Source.From(["hello ", "over ", "a socket path"]).Select(Bytes),
            IpcStream.OutgoingConnection(path)));
        Assert.Equal("hello over a socket path", echoed);
        await Within(binding.Unbind());
    }

    [Fact]
    public async Task Both_sides_report_the_peer_process_in_their_addresses()
    {
        var path = NewPath();
        var incoming = IpcStream.Bind(path).ToMaterialized(Sink.First<StreamTcp.IncomingConnection>(), Keep.Both).Run(Materializer);
        await Within(incoming.Item1);
        var (connected, reply) = Source.Maybe<ByteString>()
            .ViaMaterialized(IpcStream.OutgoingConnection(path), Keep.Right)
            .ToMaterialized(Sink.Ignore<ByteString>(), Keep.Both)
            .Run(Materializer);

        var outgoing = await Within(connected);
        var accepted = await Within(incoming.Item2);
        Assert.Equal(Environment.ProcessId, ((IpcEndPoint)outgoing.RemoteAddress).Peer?.Pid);
        Assert.Equal(Environment.ProcessId, ((IpcEndPoint)accepted.RemoteAddress).Peer?.Pid);
        Assert.Equal(path, ((IpcEndPoint)accepted.LocalAddress).Path);

        // Closing the accepted side ends the client's stream normally.
        accepted.Flow.RunWith(Source.Empty<ByteString>(), Sink.Ignore<ByteString>(), Materializer);
        await Within(reply);
    }

    [Fact]
    public async Task A_half_closing_server_finishes_its_answer_and_still_reads_what_the_client_sends_afterwards()
    {
        var path = NewPath();
        var serverGot = new TaskCompletionSource<string>();
        var handler = Flow.FromSinkAndSource(
            Sink.Aggregate<ByteString, string>("", (text, bytes) => text + bytes.ToString(Encoding.UTF8))
                .MapMaterializedValue(done =>
                {
                    done.ContinueWith(t => serverGot.TrySetResult(t.Result), TaskScheduler.Default);
                    return NotUsed.Instance;
                }),
            Source.Single(Bytes("bye")));
        await Within(IpcStream.BindAndHandle(handler, Materializer, path, halfClose: true));

        // The client starts writing only after the server's side has ended: the connection must still be open.
        var clientWrites = Source.Queue<ByteString>(8, OverflowStrategy.Fail);
        var (queue, received) = clientWrites
            .Via(IpcStream.OutgoingConnection(path))
            .ToMaterialized(Sink.Aggregate<ByteString, string>("", (t, b) => t + b.ToString(Encoding.UTF8)), Keep.Both)
            .Run(Materializer);
        Assert.Equal("bye", await Within(received));

        await queue.OfferAsync(Bytes("late words"));
        queue.Complete();
        Assert.Equal("late words", await Within(serverGot.Task));
    }

    [Fact]
    public async Task Unbind_stops_listening_removes_the_socket_file_and_completes_the_source()
    {
        var path = NewPath();
        var (bound, done) = IpcStream.Bind(path).ToMaterialized(Sink.Ignore<StreamTcp.IncomingConnection>(), Keep.Both).Run(Materializer);
        var binding = await Within(bound);
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));

        await Within(binding.Unbind());
        await Within(done);
        Assert.False(File.Exists(path));
        var e = await Assert.ThrowsAsync<IpcSocketException>(
            () => Within(Source.Empty<ByteString>().ViaMaterialized(IpcStream.OutgoingConnection(path), Keep.Right).To(Sink.Ignore<ByteString>()).Run(Materializer)));
        Assert.Equal(IpcErrorCode.NameResolutionError, e.ErrorNumber);
    }

    [Fact]
    public async Task An_accepted_connection_whose_flow_is_never_run_is_closed_after_the_subscription_timeout()
    {
        var path = NewPath();
        var materializer = Sys.Materializer(ActorMaterializerSettings.Create(Sys).WithSubscriptionTimeoutSettings(
            new StreamSubscriptionTimeoutSettings(StreamSubscriptionTimeoutTerminationMode.CancelTermination, TimeSpan.FromMilliseconds(200))));
        var emitted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await Within(IpcStream.Bind(path).To(Sink.ForEach<StreamTcp.IncomingConnection>(_ => emitted.TrySetResult())).Run(materializer));

        using var client = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        await client.ConnectAsync(new UnixDomainSocketEndPoint(path));
        await Within(emitted.Task);

        // Nobody runs the connection's flow: like an unused substream, it is given up and its socket closed (end of stream).
        var buffer = new byte[16];
        Assert.Equal(0, await Within(client.ReceiveAsync(buffer, SocketFlags.None)));
    }

    [Fact]
    public async Task Bind_refuses_a_path_where_a_regular_file_stands_with_105_and_leaves_it_alone()
    {
        var path = NewPath();
        await File.WriteAllTextAsync(path, "not a socket");
        var (bound, done) = IpcStream.Bind(path).ToMaterialized(Sink.Ignore<StreamTcp.IncomingConnection>(), Keep.Both).Run(Materializer);

        var e = await Assert.ThrowsAsync<IpcSocketException>(() => Within(bound));
        Assert.Equal(IpcErrorCode.AddressInUseError, e.ErrorNumber);
        Assert.Contains(path, e.Message, StringComparison.Ordinal);
        await Assert.ThrowsAsync<IpcSocketException>(() => Within(done));
        Assert.Equal("not a socket", await File.ReadAllTextAsync(path));
    }

    [Fact]
    public async Task Bind_reclaims_a_stale_socket_file_left_by_a_killed_process()
    {
        var path = NewPath();
        using (var dead = PeerProcess.Start("listen", path))
        {
            dead.WaitForLine("Listening");
            dead.KillHard();
        }

        Assert.True(File.Exists(path));
        await Within(IpcStream.BindAndHandle(Flow.Create<ByteString>(), Materializer, path));
        Assert.Equal("still works", await Within(RunToText(Source.Single(Bytes("still works")), IpcStream.OutgoingConnection(path))));
    }

    [Fact]
    public async Task An_outgoing_connection_to_a_path_where_nothing_listens_fails_with_103_and_fails_the_flow()
    {
        var path = NewPath();
        var (connected, done) = Source.Single(Bytes("x"))
            .ViaMaterialized(IpcStream.OutgoingConnection(path), Keep.Right)
            .ToMaterialized(Sink.Ignore<ByteString>(), Keep.Both)
            .Run(Materializer);

        var e = await Assert.ThrowsAsync<IpcSocketException>(() => Within(connected));
        Assert.Equal(IpcErrorCode.NameResolutionError, e.ErrorNumber);
        Assert.Contains(path, e.Message, StringComparison.Ordinal);
        await Assert.ThrowsAsync<IpcSocketException>(() => Within(done));
    }

    [Fact]
    public async Task An_invalid_path_fails_with_107()
    {
        var path = "/tmp/" + new string('x', 200);
        var e = await Assert.ThrowsAsync<IpcSocketException>(
            () => Within(IpcStream.Bind(path).To(Sink.Ignore<StreamTcp.IncomingConnection>()).Run(Materializer)));
        Assert.Equal(IpcErrorCode.InvalidPortError, e.ErrorNumber);
    }

    [Fact]
    public async Task A_connection_with_no_traffic_fails_with_the_idle_timeout()
    {
        var path = NewPath();
        await Within(IpcStream.BindAndHandle(Flow.Create<ByteString>(), Materializer, path));
        var done = Source.Maybe<ByteString>()
            .Via(IpcStream.OutgoingConnection(path, idleTimeout: TimeSpan.FromMilliseconds(200)))
            .RunWith(Sink.Ignore<ByteString>(), Materializer);

        var e = await Assert.ThrowsAsync<TcpIdleTimeoutException>(() => Within(done));
        Assert.Contains(path, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Writing_to_a_peer_killed_with_sigkill_fails_the_flow_with_102()
    {
        var path = NewPath();
        using var peer = PeerProcess.Start("listen", path);
        peer.WaitForLine("Listening");
        // A greeting, then a line every 10 ms for as long as the flow runs, so that writes go on after the kill.
        var writes = Source.Single(Bytes("hello\n"))
            .Concat(Source.Repeat(Bytes("are you there?\n")).Throttle(1, TimeSpan.FromMilliseconds(10), 1, ThrottleMode.Shaping));
        var replies = writes.Via(IpcStream.OutgoingConnection(path)).RunWith(this.SinkProbe<ByteString>(), Materializer);
        // No demand from the probe: the connection never reads, so the peer's end can only show on a write.
        replies.EnsureSubscription();
        peer.WaitForLine("DataAvailable: hello");
        peer.KillHard();

        var e = Assert.IsType<IpcSocketException>(replies.ExpectError());
        Assert.Equal(IpcErrorCode.LostConnection, e.ErrorNumber);
    }

    [Fact]
    public async Task A_peer_that_closes_with_unread_bytes_fails_the_flow_with_102_not_106()
    {
        var path = NewPath();
        using var listener = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        listener.Bind(new UnixDomainSocketEndPoint(path));
        listener.Listen(1);
        var writes = Source.Repeat(Bytes("unread\n")).Throttle(1, TimeSpan.FromMilliseconds(10), 1, ThrottleMode.Shaping);
        var replies = writes.Via(IpcStream.OutgoingConnection(path)).RunWith(this.SinkProbe<ByteString>(), Materializer);
        replies.EnsureSubscription();

        // Closing with bytes unread resets the connection: the receiving side usually sees it before the next write,
        // which the socket then refuses as not connected (106); the flow must still report the loss.
        using (var peer = await listener.AcceptAsync().WaitAsync(Long))
            Assert.True(peer.Poll(Long, SelectMode.SelectRead), "no bytes arrived");

        var e = Assert.IsType<IpcSocketException>(replies.ExpectError());
        Assert.Equal(IpcErrorCode.LostConnection, e.ErrorNumber);
    }

    [Fact]
    public async Task Bind_refuses_peers_of_other_uids_and_emits_the_allowed_ones()
    {
        Assert.True(Environment.IsPrivilegedProcess, "the cross-uid spec runs as root (CI does) to start a peer as uid 65534");
        var path = NewPath();
        var settings = Sys.Ipc().Settings.Socket.WithFileMode((UnixFileMode)0x1B6);
        var (bound, first) = IpcStream.Bind(path, settings: settings)
            .ToMaterialized(Sink.First<StreamTcp.IncomingConnection>(), Keep.Both)
            .Run(Materializer);
        await Within(bound);

        using (var stranger = PeerProcess.StartAs(65534, "connect", path))
            stranger.WaitForLine("Error: 102");
        Assert.False(first.IsCompleted);

        using var friend = PeerProcess.Start("connect", path);
        var accepted = await Within(first);
        Assert.Equal(friend.Pid, ((IpcEndPoint)accepted.RemoteAddress).Peer?.Pid);
    }
}
