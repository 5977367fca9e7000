using System.Globalization;
using System.Security.Cryptography;
using Akka.Actor;
using AkkaIpc.Tests.Support;
using Xunit.Abstractions;

namespace AkkaIpc.Tests;

/// <summary>
/// Flow control of received bytes in the actor layer (issue 11 #4, #10, #16): bytes wait in the socket (bounded)
/// while nobody is subscribed, a slow subscriber slows the peer process instead of growing the heap, and one fast
/// client cannot bury the others.
/// </summary>
public sealed class ReceiveFlowSpec : IpcSpec
{
    private const int Limit = 256 * 1024;

    public ReceiveFlowSpec(ITestOutputHelper output)
        : base(output, $"{RawFraming}\nakka.ipc.socket.receive-buffer-limit = {Limit}")
    {
    }

    [Fact]
    public void Bytes_that_arrive_between_Unsubscribe_and_Subscribe_must_wait_in_the_socket_for_the_next_subscriber()
    {
        var path = NewPath();
        var first = CreateTestProbe();
        var listener = Ipc.Listen(path, first.Ref);
        ExpectListening(first, path);
        using var peer = PeerProcess.Start("connect", path);
        first.ExpectMsg<Connected>(Long);
        Send(first, listener, new Unsubscribe(first.Ref));
        first.ExpectMsg<Unsubscribed>(Long);

        // Nobody is subscribed: the bytes must stay in the socket's buffer, not be read and thrown away.
        peer.SendLine("kept for later");
        AwaitCondition(() => Status(listener).BytesAvailable == "kept for later\n".Length, Long);

        var second = CreateTestProbe();
        Send(second, listener, new Subscribe(second.Ref));
        second.ExpectMsg<Subscribed>(Long);
        second.ExpectMsg<Connected>(Long);
        ExpectText(second, "kept for later\n");
    }

    [Fact]
    public void A_slow_subscriber_must_slow_the_peer_process_down_and_then_get_every_byte_in_order()
    {
        const long size = 16 * 1024 * 1024;
        var path = NewPath();
        var gate = new ManualResetEventSlim();
        var done = CreateTestProbe();
        var subscriber = Sys.ActorOf(Props.Create(() => new GatedSubscriber(gate, size, done.Ref)));
        var listener = Ipc.Listen(path, subscriber);
        ExpectListening(done, path);
        using var peer = PeerProcess.Start("connect", path, "--send-bytes", size.ToString(CultureInfo.InvariantCulture), "--seed", "5");
        try
        {
            // The subscriber is stuck in its first Received. Reading stops once a window of bytes waits for it, the
            // socket's buffer fills to its limit, and the peer cannot get its 16 MiB into the kernel.
            AwaitCondition(() => Status(listener).BytesAvailable == Limit, Long);
            Assert.False(peer.HasExited, "the peer sent 16 MiB to a subscriber that processed nothing");
        }
        finally
        {
            gate.Set();
        }

        var expected = new byte[size];
        new Random(5).NextBytes(expected);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(expected)), done.FishForMessage<string>(_ => true, TimeSpan.FromSeconds(60)));
        peer.WaitForLine("Sent: ");
    }

    [Fact]
    public void A_slow_subscriber_must_get_every_byte_the_peer_sent_before_it_closed_and_only_then_the_end_of_stream()
    {
        // A window and a little more: with the subscriber stuck, one window is out with it and the rest, with the end of
        // the stream, fits in the socket's buffer, so the peer is gone while bytes still wait there for room.
        const long size = Limit + 64 * 1024;
        var path = NewPath();
        var gate = new ManualResetEventSlim();
        var done = CreateTestProbe();
        var subscriber = Sys.ActorOf(Props.Create(() => new GatedSubscriber(gate, size, done.Ref)));
        Ipc.Listen(path, subscriber);
        ExpectListening(done, path);
        using (var peer = PeerProcess.Start("connect", path, "--send-bytes", size.ToString(CultureInfo.InvariantCulture), "--seed", "7"))
        {
            try
            {
                peer.WaitForLine("Sent: ");
                Assert.Equal(0, peer.WaitForExit());
            }
            finally
            {
                gate.Set();
            }
        }

        var expected = new byte[size];
        new Random(7).NextBytes(expected);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(expected)), done.FishForMessage<string>(_ => true, TimeSpan.FromSeconds(60)));
        var lost = done.FishForMessage<IpcError>(_ => true, Long);
        Assert.Equal(IpcErrorCode.LostConnection, lost.Code);
        Assert.Equal(Disconnection.EndOfStream, lost.Disconnection);
    }

    private SocketStatus Status(IActorRef socket) => socket.Ask<SocketStatus>(GetStatus.Instance, Long).Result;

    /// <summary>Blocks in its first Received until the gate opens (a subscriber far slower than its peer), then hashes.</summary>
    private sealed class GatedSubscriber : ReceiveActor
    {
        private readonly IncrementalHash _hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        private long _received;

        public GatedSubscriber(ManualResetEventSlim gate, long expected, IActorRef done)
        {
            Receive<Received>(m =>
            {
                // Deliberately blocks its thread (a test device standing for slow processing).
                gate.Wait(Long);
                _hash.AppendData(m.Data.AsSpan());
                _received += m.Data.Length;
                if (_received == expected)
                    done.Tell(Convert.ToHexStringLower(_hash.GetHashAndReset()));
            });
            ReceiveAny(m => done.Forward(m));
        }
    }

    [Fact]
    public void A_server_must_keep_what_fast_clients_have_waiting_ahead_of_a_new_client_within_one_window_each()
    {
        const int floods = 4;
        var path = NewPath();
        var gate = new ManualResetEventSlim();
        var events = CreateTestProbe();
        var subscriber = Sys.ActorOf(Props.Create(() => new FairnessSubscriber(gate, events.Ref)));
        var server = Ipc.Serve(path, subscriber);
        ExpectListening(events, path);

        // A second subscriber that keeps up (a probe) announces the connections; the window waits for the slow one.
        Send(events, server, new Subscribe(events.Ref));
        events.FishForMessage<Subscribed>(_ => true, Long);
        var peers = Enumerable.Range(0, floods)
            .Select(i => PeerProcess.Start("connect", path, "--send-bytes", (64 * 1024 * 1024).ToString(CultureInfo.InvariantCulture)))
            .ToList();
        using var stopPeers = new Disposer(() => peers.ForEach(p => p.Dispose()));
        using var client = new AkkaIpc.Sockets.IpcSocket { Path = path };
        try
        {
            var connections = Enumerable.Range(0, floods).Select(_ => events.FishForMessage<PeerConnected>(_ => true, Long).Connection).ToList();

            // The subscriber is stuck; each flooding connection stops reading once a window waits for it.
            foreach (var connection in connections)
                AwaitCondition(() => Status(connection).BytesAvailable == Limit, Long);

            client.Connect();
            events.FishForMessage<PeerConnected>(_ => true, Long);
            client.Write("ping");
            client.Flush();

            // Delivered to both subscribers (the probe sees it), so it is in the slow one's mailbox too.
            events.FishForMessage<Received>(m => m.Data.AsSpan().SequenceEqual("ping"u8), Long);
        }
        finally
        {
            gate.Set();
        }

        // Ahead of the new client's bytes in the subscriber's mailbox: at most one window per flooding connection.
        var floodedFirst = events.FishForMessage<long>(_ => true, TimeSpan.FromSeconds(60));
        Assert.True(floodedFirst <= floods * Limit, $"{floodedFirst} flood bytes were processed before the new client's ping");
    }

    private sealed class Disposer(Action dispose) : IDisposable
    {
        public void Dispose() => dispose();
    }

    /// <summary>Blocks in its first Received until the gate opens; reports how many other bytes came before "ping".</summary>
    private sealed class FairnessSubscriber : ReceiveActor
    {
        private long _flood;

        public FairnessSubscriber(ManualResetEventSlim gate, IActorRef events)
        {
            Receive<Received>(m =>
            {
                // Deliberately blocks its thread (a test device standing for slow processing).
                gate.Wait(Long);
                if (m.Data.AsSpan().SequenceEqual("ping"u8))
                    events.Tell(_flood);
                else
                    _flood += m.Data.Length;
            });
            ReceiveAny(m => events.Forward(m));
        }
    }
}
