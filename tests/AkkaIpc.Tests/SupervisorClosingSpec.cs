using System.Collections.Immutable;
using AkkaIpc.Sockets;
using AkkaIpc.Tests.Support;
using Xunit.Abstractions;

namespace AkkaIpc.Tests;

/// <summary>
/// While a supervisor drains a Close, its child still delivers what arrives: subscriptions changed meanwhile must
/// keep the guarantees they have while the socket is open.
/// </summary>
public sealed class SupervisorClosingSpec : IpcSpec
{
    public SupervisorClosingSpec(ITestOutputHelper output)
        : base(output, RawFraming)
    {
    }

    [Fact]
    public async Task SocketSupervisor_must_deliver_nothing_after_Unsubscribed_while_it_drains_a_Close()
    {
        var path = NewPath();
        // The peer reads nothing and buffers little, so the writes below stay queued and Close has to drain them.
        using var peer = new IpcSocket(new IpcSocketOptions { ReceiveBufferLimit = 1024 }) { Path = path };
        peer.Listen();
        var leaves = CreateTestProbe();
        var stays = CreateTestProbe();
        var settings = Ipc.Settings.Socket.WithQueueLimits(8 * 1024 * 1024, 1024 * 1024).WithCloseTimeout(TimeSpan.FromMinutes(2));
        var connector = Ipc.Connect(path, leaves.Ref, settings);
        leaves.ExpectMsg<Connected>(Long);
        Send(stays, connector, new Subscribe(stays.Ref));
        stays.ExpectMsg<Subscribed>(Long);
        stays.ExpectMsg<Connected>(Long);
        AwaitCondition(() => peer.IsConnected, Long);

        var chunk = ImmutableArray.Create(new byte[64 * 1024]);
        for (var i = 0; i < 32; i++)
            Send(stays, connector, new Write(chunk));
        Send(stays, connector, GetStatus.Instance);
        Assert.True(stays.ExpectMsg<SocketStatus>(Long).BytesLeftToSend > 0, "bytes must still be queued when Close comes");
        Send(stays, connector, Close.Instance);

        // The supervisor drains now (for up to two minutes); the socket is still open and delivers what arrives.
        Send(leaves, connector, new Unsubscribe(leaves.Ref));
        leaves.FishForMessage<Unsubscribed>(_ => true, Long);
        peer.Write("after\n");
        await peer.FlushAsync(CancellationToken.None);

        // A delivery tells leaves before stays (subscription order): once stays has the bytes, a late delivery to
        // leaves would already be in its mailbox.
        ExpectText(stays, "after\n");
        while (leaves.HasMessages)
            Assert.IsNotType<Received>(leaves.ReceiveOne(TimeSpan.Zero));
        peer.Dispose();
        stays.FishForMessage<Closed>(_ => true, Long);
    }
}
