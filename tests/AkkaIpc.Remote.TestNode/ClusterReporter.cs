using Akka.Actor;
using Akka.Cluster;

namespace AkkaIpc.Remote.TestNode;

/// <summary>Prints this node's view of the cluster, one line per event: <c>UP addr</c>, <c>UNREACHABLE addr</c>, <c>REMOVED addr</c>.</summary>
public sealed class ClusterReporter : ReceiveActor
{
    /// <summary>Creates the actor and subscribes it to member events.</summary>
    public ClusterReporter()
    {
        Cluster.Get(Context.System).Subscribe(Self, ClusterEvent.SubscriptionInitialStateMode.InitialStateAsEvents,
            typeof(ClusterEvent.IMemberEvent), typeof(ClusterEvent.UnreachableMember));
        Receive<ClusterEvent.MemberUp>(e => Console.WriteLine($"UP {e.Member.Address}"));
        Receive<ClusterEvent.UnreachableMember>(e => Console.WriteLine($"UNREACHABLE {e.Member.Address}"));
        Receive<ClusterEvent.MemberRemoved>(e => Console.WriteLine($"REMOVED {e.Member.Address}"));
        Receive<ClusterEvent.IMemberEvent>(_ => { });
    }
}
