using Akka.Actor;
using Akka.Cluster;
using AkkaIpc.Remote.TestNode;
using AkkaIpc.Remote.Tests.Support;
using Xunit.Abstractions;
using static Akka.Cluster.ClusterEvent;

namespace AkkaIpc.Remote.Tests;

/// <summary>
/// Akka.Cluster over a transport chosen by configuration alone: this spec's system (the seed) and two node processes
/// form a three-member cluster; one node is SIGKILLed, becomes unreachable and is downed and removed by the
/// split-brain resolver (keep-majority), and the survivors keep working. Each case takes about 15-25 s, most of it
/// the failure detector and the resolver's stable-after.
/// </summary>
public abstract class ClusterSpec : Akka.TestKit.Xunit2.TestKit
{
    private static readonly TimeSpan Long = TimeSpan.FromSeconds(60);
    private readonly string _transport;
    private readonly SocketDirectory _dir;
    private readonly List<NodeProcess> _nodes = [];

    private protected ClusterSpec(string transport, SocketDirectory dir, ITestOutputHelper output)
        : base(NodeConfig.For(transport, 0, dir.Path, cluster: true).WithFallback("akka.test.single-expect-default = 30s"), "node", output)
    {
        _transport = transport;
        _dir = dir;
    }

    [Fact]
    public async Task Three_processes_form_a_cluster_and_one_killed_is_removed_while_the_others_keep_working()
    {
        var cluster = Cluster.Get(Sys);
        var events = CreateTestProbe();
        cluster.Subscribe(events.Ref, SubscriptionInitialStateMode.InitialStateAsEvents, typeof(IMemberEvent), typeof(UnreachableMember));
        cluster.Join(cluster.SelfAddress);
        var seed = cluster.SelfAddress.ToString();
        Assert.StartsWith($"akka.{_transport}://node@", seed, StringComparison.Ordinal);

        var doomed = StartNode(seed);
        var survivor = StartNode(seed);
        var up = new HashSet<Address>();
        while (up.Count < 3)
            up.Add(events.FishForMessage<MemberUp>(_ => true, Long).Member.Address);
        Assert.Equal(new[] { cluster.SelfAddress, Address.Parse(doomed.Address), Address.Parse(survivor.Address) }.ToHashSet(), up);
        survivor.WaitForLine($"UP {doomed.Address}", Long);

        doomed.KillHard();

        var gone = Address.Parse(doomed.Address);
        events.FishForMessage<UnreachableMember>(e => e.Member.Address == gone, Long);
        Assert.Equal(gone, events.FishForMessage<MemberRemoved>(e => e.Member.Address == gone, Long).Member.Address);
        survivor.WaitForLine($"REMOVED {doomed.Address}", Long);

        // The two survivors are all Up and still talk.
        // (The read view is another subscriber of the same events, so it may trail the probe by a moment.)
        await AwaitAssertAsync(
            () => Assert.Equal(2, cluster.State.Members.Count(m => m.Status == MemberStatus.Up)), Long, TimeSpan.FromMilliseconds(200));
        var echo = Sys.ActorSelection(survivor.Address + "/user/echo");
        Assert.Equal(new Echo("still here"), await echo.Ask<Echo>(new Echo("still here"), Long));
        Assert.Equal(survivor.Pid, (await echo.Ask<Where>(new WhereAreYou(), Long)).Pid);
    }

    protected override void AfterAll()
    {
        foreach (var node in _nodes)
            node.Dispose();
        base.AfterAll();
        _dir.Dispose();
    }

    private NodeProcess StartNode(string seed)
    {
        var node = NodeProcess.Start(_transport, 0, _dir.Path, seed);
        _nodes.Add(node);
        return node;
    }
}

/// <summary>The cluster over Unix domain sockets (akka.ipc).</summary>
public sealed class ClusterOverIpcSpec(ITestOutputHelper output) : ClusterSpec("ipc", new SocketDirectory(), output);

/// <summary>The same cluster over DotNetty TCP on 127.0.0.1, changed by configuration alone.</summary>
public sealed class ClusterOverTcpSpec(ITestOutputHelper output) : ClusterSpec("tcp", new SocketDirectory(), output);
