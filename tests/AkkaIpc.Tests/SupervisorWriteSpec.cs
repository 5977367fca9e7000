using System.Collections.Immutable;
using Akka.Actor;
using AkkaIpc.Sockets;
using AkkaIpc.Tests.Support;
using Xunit.Abstractions;

namespace AkkaIpc.Tests;

/// <summary>
/// A listener's or connector's supervisor writes to its child's connected socket itself: what that must keep of the
/// socket actor's write semantics across connect, loss and restart.
/// </summary>
public sealed class SupervisorWriteSpec : IpcSpec
{
    public SupervisorWriteSpec(ITestOutputHelper output)
        : base(output, RawFraming)
    {
    }

    [Fact]
    public void SocketSupervisor_must_accept_a_write_sent_on_Connected_and_fail_the_acks_pending_when_the_peer_goes()
    {
        var path = NewPath();
        using var peer = new IpcSocket(new IpcSocketOptions { ReceiveBufferLimit = 1024 }) { Path = path };
        peer.Listen();
        var probe = CreateTestProbe();
        var writer = Sys.ActorOf(Props.Create(() => new WriteOnConnected(probe.Ref)));
        var connector = Ipc.Connect(path, writer, Ipc.Settings.Socket.WithQueueLimits(8 * 1024 * 1024, 1024 * 1024));

        // The subscriber writes the moment it hears Connected: the supervisor must already hold the socket.
        probe.ExpectMsg("first", Long);
        AwaitCondition(() => peer.IsConnected, Long);

        // The peer reads nothing, so most of 2 MiB stays queued (the kernel holds a few hundred KiB); then it goes away.
        const int writes = 32;
        var chunk = ImmutableArray.Create(new byte[64 * 1024]);
        for (var i = 0; i < writes; i++)
            Send(probe, connector, new Write(chunk, i));

        // Each acked write gets exactly one answer, in order: its ack if its bytes made it, else 102 or 106. The
        // status reply comes after every write was queued: only then does the peer go.
        var acked = new List<int>();
        var failed = new List<CommandFailed>();
        Send(probe, connector, GetStatus.Instance);
        var queued = false;
        while (acked.Count + failed.Count < writes)
        {
            switch (probe.ReceiveOne(Long))
            {
                case SocketStatus status:
                    Assert.Empty(failed);
                    Assert.True(status.BytesLeftToSend > 0);
                    queued = true;
                    peer.Dispose();
                    break;
                case int ack:
                    Assert.Empty(failed);
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

        Assert.True(queued);
        Assert.NotEmpty(failed);
        Assert.All(failed, f => Assert.Contains(f.Code, new[] { IpcErrorCode.LostConnection, IpcErrorCode.InvalidStateError }));
        Assert.Equal(Enumerable.Range(0, acked.Count), acked);

        // The supervisor restarts the connector; a write meanwhile fails with 106 rather than being lost.
        Send(probe, connector, Write.Text("while down", "never"));
        Assert.Equal(IpcErrorCode.InvalidStateError, probe.FishForMessage<CommandFailed>(_ => true, Long).Code);
    }

    [Theory]
    [InlineData(Framing.Raw)]
    [InlineData(Framing.LengthPrefixed)]
    public async Task SocketSupervisor_must_send_large_and_small_writes_byte_for_byte_in_order(Framing framing)
    {
        var path = NewPath();
        using var peer = new IpcSocket { Path = path };
        peer.Listen();
        var probe = CreateTestProbe();
        var settings = Ipc.Settings.Socket.WithFraming(framing).WithMaxFrameSize(1024 * 1024);
        var connector = Ipc.Connect(path, probe.Ref, settings);
        probe.ExpectMsg<Connected>(Long);

        // Large writes are sent from the message's own bytes, small ones copied: the stream must not tell.
        var sizes = new[] { 100_000, 7, 300_000, 16 * 1024, 1, 64 * 1024 };
        var expected = new List<byte>();
        for (var i = 0; i < sizes.Length; i++)
        {
            var data = new byte[sizes[i]];
            Random.Shared.NextBytes(data);
            if (framing == Framing.LengthPrefixed)
                expected.AddRange([(byte)(data.Length >> 24), (byte)(data.Length >> 16), (byte)(data.Length >> 8), (byte)data.Length]);
            expected.AddRange(data);
            Send(probe, connector, new Write(ImmutableArray.Create(data), i));
        }

        using var timeout = new CancellationTokenSource(Long);
        var received = new byte[expected.Count];
        for (var read = 0; read < received.Length;)
            read += await peer.ReadAsync(received.AsMemory(read), timeout.Token);
        Assert.Equal(expected.ToArray(), received);
        for (var i = 0; i < sizes.Length; i++)
            probe.ExpectMsg(i, Long);
    }

    /// <summary>Writes "x" with ack "first" the moment it hears Connected, and passes acks and failures on.</summary>
    private sealed class WriteOnConnected : ReceiveActor
    {
        public WriteOnConnected(IActorRef probe)
        {
            Receive<Connected>(_ => Sender.Tell(Write.Text("x", "first"), Self));
            Receive<string>(ack => probe.Tell(ack));
            Receive<CommandFailed>(f => probe.Tell(f));
            ReceiveAny(_ =>
            {
                // IpcError, Restarting, ...: not what this test looks at.
            });
        }
    }
}
