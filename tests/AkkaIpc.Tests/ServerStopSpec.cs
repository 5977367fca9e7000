using Akka.Actor;
using AkkaIpc.Sockets;
using AkkaIpc.Tests.Support;
using Xunit.Abstractions;

namespace AkkaIpc.Tests;

/// <summary>A server stopped without Close (PoisonPill, GracefulStop) leaks no accepted socket (issue 11 #12).</summary>
public sealed class ServerStopSpec : IpcSpec
{
    // The server runs on a dispatcher of one thread that the test can hold, so its mailbox order is the test's choice.
    private const string Config = """
        one-thread {
          type = ForkJoinDispatcher
          throughput = 1
          dedicated-thread-pool.thread-count = 1
        }
        akka.actor.deployment { /stopped-server { dispatcher = one-thread } }
        """;

    public ServerStopSpec(ITestOutputHelper output)
        : base(output, Config)
    {
    }

    [Fact]
    public async Task A_socket_accepted_while_a_PoisonPill_waits_in_the_servers_mailbox_must_be_closed_not_leaked()
    {
        var path = NewPath();
        var probe = CreateTestProbe();
        var server = Ipc.Serve(path, probe.Ref, name: "stopped-server");
        ExpectListening(probe, path);
        Watch(server);

        using var entered = new ManualResetEventSlim();
        using var release = new ManualResetEventSlim();
        var blocker = Sys.ActorOf(Props.Create(() => new Blocker(entered, release)).WithDispatcher("one-thread"));
        blocker.Tell("hold");
        Assert.True(entered.Wait(Long), "the blocker never ran");
        try
        {
            // The stop is queued first; then a peer connects and its accepted socket is handed to the server behind it.
            server.Tell(PoisonPill.Instance);
            using var client = new IpcSocket { Path = path };
            await client.ConnectAsync().WaitAsync(Long);
            var cell = ((ActorRefWithCell)server).Underlying;
            AwaitCondition(() => cell.NumberOfMessages >= 2, Long);
            release.Set();
            ExpectTerminated(server, Long);

            // The peer learns its connection is gone instead of hanging on a socket nobody owns.
            using var timeout = new CancellationTokenSource(Long);
            var lost = await Assert.ThrowsAsync<IpcSocketException>(async () => await client.ReadAsync(new byte[16], timeout.Token));
            Assert.Equal(IpcErrorCode.LostConnection, lost.ErrorNumber);
        }
        finally
        {
            release.Set();
        }
    }

    private sealed class Blocker : ReceiveActor
    {
        public Blocker(ManualResetEventSlim entered, ManualResetEventSlim release) =>
            ReceiveAny(_ =>
            {
                // Deliberately holds the dispatcher's only thread (a test device, never done in product code).
                entered.Set();
                release.Wait(Long);
            });
    }
}
