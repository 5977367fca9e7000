using System.Collections.Immutable;
using AkkaIpc.Sockets;
using AkkaIpc.Tests.Support;
using Xunit.Abstractions;

namespace AkkaIpc.Tests;

public sealed class CloseSpec : IpcSpec
{
    private const int Size = 1024 * 1024;

    public CloseSpec(ITestOutputHelper output)
        : base(output, RawFraming)
    {
    }

    [Fact]
    public async Task Close_must_let_queued_bytes_reach_the_peer_before_closing()
    {
        var path = NewPath();
        using var peer = new IpcSocket(new IpcSocketOptions { ReceiveBufferLimit = 1024 }) { Path = path };
        peer.Listen();
        var probe = CreateTestProbe();
        var connector = Ipc.Connect(path, probe.Ref);
        probe.ExpectMsg<Connected>(Long);

        // 1 MiB cannot fit the kernel's buffers while the peer does not read: most of it stays queued.
        Send(probe, connector, new Write(ImmutableArray.Create(new byte[Size]), "all-sent"));
        Send(probe, connector, GetStatus.Instance);
        Assert.True(probe.ExpectMsg<SocketStatus>(Long).BytesLeftToSend > 0);
        Send(probe, connector, Close.Instance);
        Send(probe, connector, Write.Text("after close", "never"));
        Assert.Equal(IpcErrorCode.InvalidStateError, probe.ExpectMsg<CommandFailed>(Long).Code);

        // The peer reads now: every byte arrives, then the ack, then Closed.
        var received = 0L;
        var buffer = new byte[64 * 1024];
        using var cts = new CancellationTokenSource(Long);
        while (received < Size)
            received += await peer.ReadAsync(buffer, cts.Token);
        Assert.Equal(Size, received);
        probe.ExpectMsg("all-sent", Long);
        probe.ExpectMsg<Closed>(Long);
    }

    [Fact]
    public void Close_must_give_up_on_queued_bytes_after_close_timeout_and_fail_their_writes()
    {
        var path = NewPath();
        using var peer = new IpcSocket(new IpcSocketOptions { ReceiveBufferLimit = 1024 }) { Path = path };
        peer.Listen();
        var probe = CreateTestProbe();
        var settings = Ipc.Settings.Socket.WithCloseTimeout(TimeSpan.FromMilliseconds(200));
        var connector = Ipc.Connect(path, probe.Ref, settings);
        probe.ExpectMsg<Connected>(Long);
        Watch(connector);

        var write = new Write(ImmutableArray.Create(new byte[Size]), "never");
        Send(probe, connector, write);
        Send(probe, connector, Close.Instance);

        var failed = probe.ExpectMsg<CommandFailed>(Long);
        Assert.Same(write, failed.Command);
        probe.ExpectMsg<Closed>(Long);
        ExpectTerminated(connector, Long);
    }
}
