using Akka.Actor;

namespace AkkaIpc.Benchmarks.Actors;

/// <summary>
/// Peer mode <c>serve-actors PATH</c>: an actor system whose <c>Serve</c> echoes on PATH; speaks
/// <see cref="ServerCommandLoop"/> on stdin and exits when stdin closes.
/// </summary>
internal static class ActorServerPeer
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    public static async Task<int> RunAsync(string[] args)
    {
        var path = args[0];
        var system = BenchSystem.Create("bench-server");
        try
        {
            var echo = system.ActorOf(Props.Create(() => new EchoServer()), "echo");
            await system.Ipc().ServeAsync(path, echo, system.Ipc().Settings.Socket.WithFraming(IpcFraming.Raw), "server").ConfigureAwait(false);
            PeerMain.Ready();
            await ServerCommandLoop.RunAsync(() => echo.Ask<int>(EchoServer.GetConnections.Instance, Timeout)).ConfigureAwait(false);
            return 0;
        }
        finally
        {
            await system.Terminate().WaitAsync(Timeout).ConfigureAwait(false);
        }
    }
}
