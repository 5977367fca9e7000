using System.Buffers.Binary;
using System.Collections.Immutable;
using AkkaIpc.Sockets;
using AkkaIpc.Tests.Support;
using Xunit.Abstractions;

namespace AkkaIpc.Tests;

/// <summary>
/// Received bytes go to the subscribers straight from the socket's event thread, and SendProgress is handled only
/// while an ack waits: what those two shortcuts must still guarantee.
/// </summary>
public sealed class SocketActorDeliverySpec : IpcSpec
{
    public SocketActorDeliverySpec(ITestOutputHelper output)
        : base(output, RawFraming)
    {
    }

    [Fact]
    public void SocketActor_must_deliver_bytes_the_peer_sent_at_once_after_Connected()
    {
        var path = NewPath();
        using var peer = new IpcSocket { Path = path };
        peer.Connected += (_, _) => peer.Write("early\n");
        peer.Listen();
        var probe = CreateTestProbe();
        Ipc.Connect(path, probe.Ref);

        probe.ExpectMsg<Connected>(Long);
        ExpectText(probe, "early\n");
    }

    [Fact]
    public async Task SocketActor_must_ack_a_write_queued_behind_unacked_writes_once_its_bytes_reach_the_kernel()
    {
        var path = NewPath();
        // The peer reads nothing at first and buffers little, so the unacked writes keep a send in flight.
        using var peer = new IpcSocket(new IpcSocketOptions { ReceiveBufferLimit = 1024 }) { Path = path };
        peer.Listen();
        var probe = CreateTestProbe();
        var connector = Ipc.Connect(path, probe.Ref, Ipc.Settings.Socket.WithQueueLimits(8 * 1024 * 1024, 1024 * 1024));
        probe.ExpectMsg<Connected>(Long);

        const int writes = 33;
        var chunk = ImmutableArray.Create(new byte[64 * 1024]);
        for (var i = 0; i < writes - 1; i++)
            Send(probe, connector, new Write(chunk));
        Send(probe, connector, new Write(chunk, "last"));
        Send(probe, connector, GetStatus.Instance);
        Assert.True(probe.ExpectMsg<SocketStatus>(Long).BytesLeftToSend > 0, "the acked write must wait behind the others");

        await ReadAsync(peer, writes * chunk.Length);
        probe.ExpectMsg("last", Long);
    }

    [Fact]
    public async Task SocketActor_must_deliver_nothing_to_a_subscriber_after_Unsubscribed()
    {
        var path = NewPath();
        using var peer = new IpcSocket { Path = path };
        peer.Listen();
        var leaves = CreateTestProbe();
        var stays = CreateTestProbe();
        var connector = Ipc.Connect(path, leaves.Ref);
        Send(stays, connector, new Subscribe(stays.Ref));
        stays.ExpectMsg<Subscribed>(Long);
        leaves.ExpectMsg<Connected>(Long);
        stays.ExpectMsg<Connected>(Long);
        AwaitCondition(() => peer.IsConnected, Long);

        // The peer streams until leaves has its Unsubscribed, so deliveries race with the unsubscription.
        using var stop = new CancellationTokenSource();
        var streaming = Task.Run(async () =>
        {
            var sent = 0L;
            var piece = new byte[64];
            for (var i = 0; i < 100_000 && !stop.IsCancellationRequested; i++)
            {
                peer.Write(piece);
                sent += piece.Length;
                if (i % 64 == 63)
                    await peer.FlushAsync(CancellationToken.None);
            }

            return sent;
        });
        leaves.FishForMessage<Received>(_ => true, Long);
        Send(leaves, connector, new Unsubscribe(leaves.Ref));
        leaves.FishForMessage<Unsubscribed>(_ => true, Long);
        await stop.CancelAsync();
        var total = await streaming.WaitAsync(Long);

        // Each delivery tells the subscribers in subscription order, leaves before stays: once stays has every
        // byte, every delivery is done, so a late one to leaves would already be in its mailbox.
        var received = 0L;
        while (received < total)
            received += stays.FishForMessage<Received>(_ => true, Long).Data.Length;
        Assert.Equal(total, received);
        var late = leaves.HasMessages ? leaves.ReceiveOne(TimeSpan.Zero) : null;
        Assert.Null(late);
    }

    [Fact]
    public async Task SocketActor_must_deliver_to_a_subscriber_that_joins_mid_stream_after_its_Connected()
    {
        var path = NewPath();
        using var peer = new IpcSocket { Path = path };
        peer.Listen();
        var first = CreateTestProbe();
        var connector = Ipc.Connect(path, first.Ref);
        first.ExpectMsg<Connected>(Long);
        AwaitCondition(() => peer.IsConnected, Long);

        using var stop = new CancellationTokenSource();
        var streaming = Task.Run(async () =>
        {
            var piece = new byte[64];
            for (var i = 0; i < 100_000 && !stop.IsCancellationRequested; i++)
            {
                peer.Write(piece);
                if (i % 64 == 63)
                    await peer.FlushAsync(CancellationToken.None);
            }
        });
        first.FishForMessage<Received>(_ => true, Long);

        var late = CreateTestProbe();
        Send(late, connector, new Subscribe(late.Ref));
        late.ExpectMsg<Subscribed>(Long);
        late.ExpectMsg<Connected>(Long);
        late.ExpectMsg<Received>(Long);
        await stop.CancelAsync();
        await streaming.WaitAsync(Long);
    }

    [Fact]
    public async Task SocketActor_must_keep_draining_on_Close_when_an_oversized_frame_arrives_meanwhile()
    {
        var path = NewPath();
        using var peer = new IpcSocket(new IpcSocketOptions { ReceiveBufferLimit = 1024 }) { Path = path };
        peer.Listen();
        var probe = CreateTestProbe();
        var settings = Ipc.Settings.Socket
            .WithFraming(Framing.LengthPrefixed)
            .WithMaxFrameSize(64 * 1024)
            .WithQueueLimits(8 * 1024 * 1024, 1024 * 1024)
            .WithCloseTimeout(TimeSpan.FromMinutes(2));
        var connector = Ipc.Connect(path, probe.Ref, settings);
        probe.ExpectMsg<Connected>(Long);
        AwaitCondition(() => peer.IsConnected, Long);

        const int frames = 40;
        var frame = ImmutableArray.Create(new byte[60 * 1024]);
        for (var i = 0; i < frames - 1; i++)
            Send(probe, connector, new Write(frame));
        Send(probe, connector, new Write(frame, "last"));
        Send(probe, connector, GetStatus.Instance);
        Assert.True(probe.ExpectMsg<SocketStatus>(Long).BytesLeftToSend > 0, "bytes must still be queued when Close comes");

        // The supervisor answers GetStatus itself once it is closing, so Close was handed on before the peer's bad
        // frame: the bytes are draining (for up to two minutes) when it arrives.
        Send(probe, connector, Close.Instance);
        Send(probe, connector, GetStatus.Instance);
        probe.ExpectMsg<SocketStatus>(Long);
        var header = new byte[4];
        BinaryPrimitives.WriteInt32BigEndian(header, 1024 * 1024);
        peer.Write(header);
        await peer.FlushAsync(CancellationToken.None);

        // Nothing of the bad stream is delivered, and the queued frames still reach the peer before Closed.
        await ReadAsync(peer, frames * (4 + frame.Length));
        probe.ExpectMsg("last", Long);
        probe.ExpectMsg<Closed>(Long);
    }

    private static async Task ReadAsync(IpcSocket peer, long bytes)
    {
        using var timeout = new CancellationTokenSource(Long);
        var buffer = new byte[64 * 1024];
        for (var read = 0L; read < bytes;)
            read += await peer.ReadAsync(buffer, timeout.Token);
    }
}
