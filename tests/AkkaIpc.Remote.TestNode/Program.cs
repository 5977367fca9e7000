using System.Globalization;
using Akka.Actor;
using Akka.Delivery;
using Akka.Util;
using AkkaIpc.Remote.TestNode;

// A second process for the Akka.Remote specs:
//   AkkaIpc.Remote.TestNode <transport ipc|tcp> <port> <socket-dir> [--cluster seed...]
//   AkkaIpc.Remote.TestNode <transport ipc|tcp> <port> <socket-dir> --consume <producer-controller-path> <file> <hold-at>
// starts the system "node" with /user/echo (and a cluster event printer with --cluster, or an Akka.Delivery
// consumer registered with the given producer controller with --consume), prints "READY <address> <pid>", and runs
// until stdin closes (then leaves cleanly) or it is killed.
if (args.Length < 3)
{
    Console.Error.WriteLine("usage: AkkaIpc.Remote.TestNode ipc|tcp <port> <socket-dir> [--cluster seed...]");
    return 1;
}

var cluster = args.Length > 3 && args[3] == "--cluster";
var config = NodeConfig.For(args[0], int.Parse(args[1], CultureInfo.InvariantCulture), args[2], cluster, cluster ? args.Skip(4) : null);
var system = ActorSystem.Create("node", config);
system.ActorOf(Props.Create<EchoActor>(), "echo");
if (cluster)
    system.ActorOf(Props.Create<ClusterReporter>(), "cluster-reporter");
if (args.Length > 6 && args[3] == "--consume")
{
    var consumerController = system.ActorOf(ConsumerController.Create<Numbered>(system, Option<IActorRef>.None), "consumer-controller");
    var consumer = system.ActorOf(Props.Create(() => new NumberConsumer(args[5], int.Parse(args[6], CultureInfo.InvariantCulture))), "consumer");
    consumerController.Tell(new ConsumerController.Start<Numbered>(consumer));
    var producerController = await system.ActorSelection(args[4]).ResolveOne(TimeSpan.FromSeconds(30));
    consumerController.Tell(new ConsumerController.RegisterToProducerController<Numbered>(producerController));
}
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
