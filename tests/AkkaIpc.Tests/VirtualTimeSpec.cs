using System.Net.Sockets;
using Akka.TestKit;
using AkkaIpc.Sockets;
using AkkaIpc.Tests.Support;
using Xunit.Abstractions;

namespace AkkaIpc.Tests;

/// <summary>
/// The supervisor's policies (backoff, retry window, give-up, close-timeout) under Akka's <see cref="TestScheduler"/>:
/// the spec moves the clock by hand, so minutes of backoff take no real time, and nothing waits on the wall clock.
/// </summary>
public sealed class VirtualTimeSpec : IpcSpec
{
    public VirtualTimeSpec(ITestOutputHelper output)
        : base(output, virtualTime: true)
    {
    }

    private IpcSocketSettings Backoff(TimeSpan min, TimeSpan max, int maxRetries, TimeSpan retryWindow) =>
        Ipc.Settings.Socket.WithBackoff(min, max, randomFactor: 0, maxRetries, retryWindow);

    [Fact]
    public void Ten_restarts_and_a_give_up_must_follow_the_virtual_clock()
    {
        var probe = CreateTestProbe();
        Ipc.Connect(NewPath(), probe.Ref, Backoff(TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(1), 10, TimeSpan.FromHours(1)));

        for (var attempt = 1; attempt <= 10; attempt++)
        {
            Assert.Equal(IpcErrorCode.NameResolutionError, probe.ExpectMsg<IpcError>(Long).Code);
            var restarting = probe.ExpectMsg<Restarting>(Long);
            Assert.Equal(attempt, restarting.Attempt);
            Assert.Equal(TimeSpan.FromSeconds(Math.Min(60, Math.Pow(2, attempt - 1))), restarting.Delay);
            // Advanced the moment Restarting arrives: the restart timer must already exist.
            Clock.Advance(restarting.Delay);
        }

        Assert.Equal(IpcErrorCode.NameResolutionError, probe.ExpectMsg<IpcError>(Long).Code);
        Assert.Equal(IpcErrorCode.NameResolutionError, probe.ExpectMsg<GaveUp>(Long).Cause);
    }

    [Fact]
    public void The_retry_budget_must_start_over_once_the_virtual_retry_window_has_passed()
    {
        var probe = CreateTestProbe();
        Ipc.Connect(NewPath(), probe.Ref, Backoff(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1), 2, TimeSpan.FromSeconds(5)));

        ExpectRestart(probe, 1);
        Clock.Advance(TimeSpan.FromSeconds(1));
        ExpectRestart(probe, 2);
        Clock.Advance(TimeSpan.FromSeconds(10));   // past the 5 s window: the budget of 2 is whole again

        ExpectRestart(probe, 3);
        Clock.Advance(TimeSpan.FromSeconds(1));
        ExpectRestart(probe, 4);
        Clock.Advance(TimeSpan.FromSeconds(1));    // inside the new window, its budget spent
        probe.ExpectMsg<IpcError>(Long);
        probe.ExpectMsg<GaveUp>(Long);
    }

    [Fact]
    public async Task Close_must_wait_for_queued_bytes_until_the_virtual_close_timeout_passes()
    {
        var path = NewPath();
        var probe = CreateTestProbe();
        var link = await Ipc.ListenAsync(path, probe.Ref, Ipc.Settings.Socket.WithCloseTimeout(TimeSpan.FromSeconds(30)));
        using var peer = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        await peer.ConnectAsync(new UnixDomainSocketEndPoint(path));   // and never reads
        probe.FishForMessage<Connected>(_ => true, Long);

        // Far more than the kernel buffers: most of it stays queued in the socket.
        Send(probe, link, Write.CopyOf(new byte[3 << 20], "sent"));
        Send(probe, link, Close.Instance);
        probe.ExpectNoMsg(TimeSpan.FromMilliseconds(300));   // draining, on a clock that does not move by itself

        Clock.Advance(TimeSpan.FromSeconds(30));

        var failed = probe.ExpectMsg<CommandFailed>(Long);
        Assert.Equal("sent", ((Write)failed.Command).Ack);
        probe.ExpectMsg<Closed>(Long);
    }

    private static void ExpectRestart(TestProbe probe, int attempt)
    {
        Assert.Equal(IpcErrorCode.NameResolutionError, probe.ExpectMsg<IpcError>(Long).Code);
        Assert.Equal(attempt, probe.ExpectMsg<Restarting>(Long).Attempt);
    }
}
