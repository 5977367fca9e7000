using Akka.Actor;
using AkkaIpc.Remote.TestNode;

// A second process for the Akka.Remote specs:
//   AkkaIpc.Remote.TestNode <transport ipc|tcp> <port> <socket-dir> [--cluster seed...]
// starts the system "node" with /user/echo (and a cluster event printer with --cluster), prints
// "READY <address> <pid>", and runs until stdin closes (then leaves cleanly) or it is killed.
if (args.Length < 3)
{
    Console.Error.WriteLine("usage: AkkaIpc.Remote.TestNode ipc|tcp <port> <socket-dir> [--cluster seed...]");
    return 1;
}

var cluster = args.Length > 3 && args[3] == "--cluster";
var config = NodeConfig.For(args[0], int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture), args[2], cluster, args.Skip(4));
var system = ActorSystem.Create("node", config);
system.ActorOf(Props.Create<EchoActor>(), "echo");
if (cluster)
    system.ActorOf(Props.Create<ClusterReporter>(), "cluster-reporter");
Console.WriteLine($"READY {((ExtendedActorSystem)system).Provider.DefaultAddress} {Environment.ProcessId}");

await Task.Run(() =>
{
    while (Console.ReadLine() is not null)
    {
        // Lines are ignored; end of input ends the node.
    }
});
await system.Terminate();
return 0;
