using Akka.Actor;
using AkkaIpc.TestKit;
using Xunit.Abstractions;

namespace AkkaIpc.TestKit.Tests;

/// <summary>The kit's faults, each seen by a real link: the proxy's (real bytes) and the injector's (chosen codes).</summary>
public sealed class FaultSpec(ITestOutputHelper output) : IpcTestKit(output: output)
{
    private async Task<(IActorRef Link, SocketPeer Peer, LinkProxy Proxy)> LinkThroughProxyAsync()
    {
        var path = NewSocketPath();
        var peer = ListeningPeer(path);
        var proxy = Proxy(path);
        var link = await Ipc.ConnectAsync(proxy.Path, TestActor);
        this.ExpectConnected();
        AwaitCondition(() => proxy.Connections == 1);   // the proxy has reached the peer: its faults now apply
        return (link, peer, proxy);
    }

    [Fact]
    public async Task Sever_must_end_the_link_with_102()
    {
        var (_, _, proxy) = await LinkThroughProxyAsync();
        proxy.Sever();
        this.ExpectIpcError(IpcErrorCode.LostConnection);
    }

    [Fact]
    public async Task HalfClose_towards_the_link_must_end_it_with_102_end_of_stream()
    {
        var (_, _, proxy) = await LinkThroughProxyAsync();
        proxy.HalfClose(ProxyDirection.ToClient);
        Assert.Equal(Disconnection.EndOfStream, this.ExpectIpcError(IpcErrorCode.LostConnection).Disconnection);
    }

    [Fact]
    public async Task A_corrupt_frame_header_must_end_the_link_with_108_and_deliver_nothing_of_it()
    {
        var (_, peer, proxy) = await LinkThroughProxyAsync();
        peer.Send("before");
        this.ExpectReceived("before");
        proxy.CorruptFrameHeader(ProxyDirection.ToClient);
        peer.Send("after");
        this.ExpectIpcError(IpcErrorCode.OutOfMemoryError);
    }

    [Fact]
    public async Task Drop_and_Corrupt_must_change_exactly_the_bytes_they_name()
    {
        var (link, peer, proxy) = await LinkThroughProxyAsync();
        proxy.Drop(4, ProxyDirection.ToTarget);                 // the first frame's header vanishes ...
        link.Tell(Write.Text("gone"));
        link.Tell(Write.Text("ok"));
        Assert.Equal([0, 0, 0, 2, (byte)'o', (byte)'k'], peer.ExpectBytes(10)[4..]);   // ... so its payload reads as a header

        proxy.Corrupt(ProxyDirection.ToClient);
        peer.SendRaw([0xFF, 0x00, 0x00, 0x01, (byte)'x']);       // the next byte, flipped, makes the header right
        this.ExpectReceived("x");
    }

    [Fact]
    public async Task Delay_and_Throttle_must_still_deliver_in_order()
    {
        var (link, peer, proxy) = await LinkThroughProxyAsync();
        proxy.Delay(TimeSpan.FromMilliseconds(20), ProxyDirection.ToTarget);
        proxy.Throttle(64 * 1024, ProxyDirection.ToTarget);
        for (var i = 0; i < 5; i++)
            link.Tell(Write.Text($"slow {i}"));
        for (var i = 0; i < 5; i++)
            peer.ExpectText($"slow {i}");
    }

    [Fact]
    public async Task The_injector_must_raise_102_in_a_connected_link_which_then_restarts()
    {
        var injector = new IpcFaultInjector();
        var path = NewSocketPath();
        var listener = await Ipc.ListenAsync(path, TestActor, Ipc.Settings.Socket.WithFaultInjector(injector));
        var peer = await ConnectedPeerAsync(path);
        this.ExpectConnected();
        AwaitCondition(() => injector.AttachedSockets == 1);

        injector.Fail(IpcErrorCode.LostConnection, "the spec said so");

        var error = this.ExpectIpcError(IpcErrorCode.LostConnection);
        Assert.Contains("the spec said so", error.Message, StringComparison.Ordinal);
        Assert.Equal(Disconnection.Reset, error.Disconnection);
        ExpectMsg<Restarting>();
        peer.ExpectEndOfStream();
        Assert.Equal(path, ExpectMsg<Listening>().Path);           // a fresh socket on the same path
        Assert.NotNull(listener);
    }

    [Fact]
    public void The_injector_must_fail_the_next_open_with_a_chosen_code_without_touching_the_path()
    {
        var injector = new IpcFaultInjector();
        var path = NewSocketPath();
        injector.FailNextOpen(IpcErrorCode.AddressInUseError);

        Ipc.Listen(path, TestActor, Ipc.Settings.Socket.WithFaultInjector(injector));

        this.ExpectIpcError(IpcErrorCode.AddressInUseError);
        Assert.Equal(IpcErrorCode.AddressInUseError, ExpectMsg<GaveUp>().Cause);
        Assert.False(File.Exists(path));
    }

    [Fact]
    public async Task The_injector_must_raise_108_in_an_accepted_connection()
    {
        var injector = new IpcFaultInjector();
        var path = NewSocketPath();
        await Ipc.ServeAsync(path, TestActor, Ipc.Settings.Socket.WithFaultInjector(injector));
        await ConnectedPeerAsync(path);
        var connection = this.ExpectMsgSkippingRestarts<PeerConnected>().Connection;
        AwaitCondition(() => injector.AttachedSockets == 1);   // the connection's actor has started

        injector.Fail(IpcErrorCode.OutOfMemoryError);

        Assert.Equal(IpcErrorCode.OutOfMemoryError, FishForMessage<IpcError>(_ => true).Code);
        Assert.Equal(connection, FishForMessage<PeerDisconnected>(_ => true).Connection);
    }
}
