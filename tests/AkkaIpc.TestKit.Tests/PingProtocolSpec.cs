using Akka.Actor;
using AkkaIpc.TestKit;
using Xunit.Abstractions;

namespace AkkaIpc.TestKit.Tests;

// The README's "Testing your protocol with TestKit" example: a request/response protocol over a link, against a
// scripted peer in another process, through a crash, a corrupt frame, ten restarts in virtual time and a give-up.
public sealed class PingProtocolSpec(ITestOutputHelper output) : IpcTestKit(output: output, virtualTime: true)
{
    [Fact]
    public async Task A_link_rides_through_a_crash_and_a_corrupt_frame_then_gives_up_after_ten_restarts()
    {
        var path = NewSocketPath();
        var peer = await ListeningProcessAsync(path);                  // the server, in a process of its own
        var link = Ipc.Connect(path, TestActor, Ipc.Settings.Socket.WithBackoff(
            min: TimeSpan.FromSeconds(1), max: TimeSpan.FromMinutes(1), randomFactor: 0, maxRetries: 10, retryWindow: TimeSpan.FromHours(1)));
        this.ExpectConnected();

        link.Tell(Write.Text("ping 1"));                               // request ...
        peer.ExpectText("ping 1");
        peer.Send("pong 1");                                           // ... and response
        this.ExpectReceived("pong 1");

        peer.Kill();                                                   // a crash: SIGKILL
        this.ExpectIpcError(IpcErrorCode.LostConnection);
        var restart = ExpectMsg<Restarting>();
        var second = await ListeningProcessAsync(path);                // the server comes back
        Clock.Advance(restart.Delay);                                  // virtual time: the backoff takes no real time
        this.ExpectConnected();
        link.Tell(Write.Text("ping 2"));
        second.ExpectText("ping 2");

        second.SendRaw([0x7F, 0xFF, 0xFF, 0xFF]);                      // a corrupt frame header announcing 2 GiB
        this.ExpectIpcError(IpcErrorCode.OutOfMemoryError);
        for (var attempt = 1; attempt <= 10; attempt++)               // nobody listens any more: ten restarts ...
        {
            restart = ExpectMsg<Restarting>();
            Assert.Equal((attempt, TimeSpan.FromSeconds(Math.Min(60, 1 << (attempt - 1)))), (restart.Attempt, restart.Delay));
            Clock.Advance(restart.Delay);
            this.ExpectIpcError(IpcErrorCode.NameResolutionError);
        }

        Assert.Equal(IpcErrorCode.NameResolutionError, ExpectMsg<GaveUp>().Cause);   // ... and a give-up
    }
}
