using AkkaIpc.Internal;
using AkkaIpc.Sockets;
using AkkaIpc.Tests.Support;
using Xunit.Abstractions;

namespace AkkaIpc.Tests;

/// <summary>A server's connections deliver straight from their sockets' threads: what a server subscriber may rely on.</summary>
public sealed class ServerDeliverySpec : IpcSpec
{
    public ServerDeliverySpec(ITestOutputHelper output)
        : base(output, RawFraming)
    {
    }

    [Fact]
    public async Task Server_must_deliver_nothing_to_a_subscriber_after_Unsubscribed()
    {
        var path = NewPath();
        var leaves = CreateTestProbe();
        var stays = CreateTestProbe();
        var server = Ipc.Serve(path, leaves.Ref);
        leaves.ExpectMsg<Listening>(Long);
        Send(stays, server, new Subscribe(stays.Ref));
        stays.ExpectMsg<Subscribed>(Long);
        using var client = new IpcSocket { Path = path };
        client.Connect();
        var connection = leaves.FishForMessage<PeerConnected>(_ => true, Long).Connection;
        stays.FishForMessage<PeerConnected>(_ => true, Long);

        // The client streams all along, so deliveries race with each unsubscription.
        using var stop = new CancellationTokenSource();
        var streaming = Task.Run(async () =>
        {
            var piece = new byte[64];
            while (!stop.IsCancellationRequested)
            {
                for (var i = 0; i < 64; i++)
                    client.Write(piece);
                await client.FlushAsync(CancellationToken.None);
            }
        });

        for (var round = 0; round < 200; round++)
        {
            if (round > 0)
            {
                Send(leaves, server, new Subscribe(leaves.Ref));
                leaves.FishForMessage<Subscribed>(_ => true, Long);
            }

            leaves.FishForMessage<Received>(_ => true, Long);
            // Twice: a repeated Unsubscribe must not be answered before the connections are done either.
            Send(leaves, server, new Unsubscribe(leaves.Ref));
            Send(leaves, server, new Unsubscribe(leaves.Ref));
            leaves.FishForMessage<Unsubscribed>(_ => true, Long);

            // The server told the connection before it answered; once the connection answers this, every delivery
            // it made to leaves is in leaves' mailbox.
            connection.Tell(GetSubscribers.Instance, leaves.Ref);
            var late = new List<string>();
            var repeated = 0;
            for (var m = leaves.ReceiveOne(Long); m is not SubscriberList; m = leaves.ReceiveOne(Long))
            {
                if (m is Unsubscribed && repeated++ == 0)
                    continue;
                late.Add(m.GetType().Name);
            }

            Assert.True(late.Count == 0, $"round {round}: after Unsubscribed: {string.Join(", ", late.Distinct())} ({late.Count})");
        }

        await stop.CancelAsync();
        await streaming.WaitAsync(Long);
    }
}
