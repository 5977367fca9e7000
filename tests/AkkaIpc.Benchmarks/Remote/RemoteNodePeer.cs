using Akka.Actor;

namespace AkkaIpc.Benchmarks.Remote;

/// <summary>
/// Peer mode <c>remote-node TRANSPORT SOCKET-DIR</c>: an actor system reachable over classic remoting with
/// <c>/user/echo</c> (returns every message to its sender) and <c>/user/sink</c> (<see cref="RemoteSink"/>);
/// prints <c>READY address</c> and exits when stdin closes.
/// </summary>
internal static class RemoteNodePeer
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    public static async Task<int> RunAsync(string[] args)
    {
        var system = BenchSystem.Create("bench-remote-peer", RemoteConfig.For(args[0], args[1]));
        try
        {
            system.ActorOf(Props.Create(() => new RemoteEcho()), "echo");
            system.ActorOf(Props.Create(() => new RemoteSink()), "sink");
            PeerMain.Ready(((ExtendedActorSystem)system).Provider.DefaultAddress.ToString());
            await Task.Run(() =>
            {
                while (Console.In.ReadLine() is not null)
                {
                    // Lines carry nothing in this mode; only the end of input matters.
                }
            }).ConfigureAwait(false);
            return 0;
        }
        finally
        {
            await system.Terminate().WaitAsync(Timeout).ConfigureAwait(false);
        }
    }
}
