using Akka.Actor;
using AkkaIpc.Remote.TestNode;
using AkkaIpc.Remote.Tests.Support;
using Xunit.Abstractions;

namespace AkkaIpc.Remote.Tests;

/// <summary>
/// Akka semantics across two real processes over the ipc transport: this spec's system and a test node
/// (tests/AkkaIpc.Remote.TestNode), both listening on socket files of one directory, no TCP port.
/// </summary>
public sealed class RemoteSpec : Akka.TestKit.Xunit2.TestKit
{
    private static readonly TimeSpan Long = TimeSpan.FromSeconds(30);
    private readonly SocketDirectory _dir;
    private readonly List<NodeProcess> _nodes = [];

    public RemoteSpec(ITestOutputHelper output)
        : this(new SocketDirectory(), output)
    {
    }

    private RemoteSpec(SocketDirectory dir, ITestOutputHelper output)
        : base(NodeConfig.For("ipc", 0, dir.Path).WithFallback("akka.test.single-expect-default = 20s"), output: output)
    {
        _dir = dir;
    }

    [Fact]
    public async Task Tell_and_Ask_work_through_ActorSelection_and_through_a_ref_received_in_a_message()
    {
        var node = StartNode();
        Assert.StartsWith("akka.ipc://node@localhost:", node.Address, StringComparison.Ordinal);
        var echo = Sys.ActorSelection(node.Address + "/user/echo");

        Assert.Equal(new Echo("asked"), await echo.Ask<Echo>(new Echo("asked"), Long));
        echo.Tell(new Echo("told"), TestActor);
        ExpectMsg(new Echo("told"), Long);

        // The node gets our ref inside a message and tells it; the greeting carries the node's own ref back.
        echo.Tell(new Introduce(TestActor));
        var greeting = ExpectMsg<Greeting>(Long);
        Assert.Equal(node.Pid, greeting.Pid);
        Assert.Equal(node.Address, greeting.Echo.Path.Address.ToString());
        var where = await greeting.Echo.Ask<Where>(new WhereAreYou(), Long);
        Assert.Equal(node.Pid, where.Pid);
        greeting.Echo.Tell(new Echo("direct"), TestActor);
        ExpectMsg(new Echo("direct"), Long);

        // The node talks over its socket file only: it listens on no TCP port. (This process is not checked: the
        // test runner's own channel and the TCP cluster spec live here.)
        Assert.True(File.Exists(_dir.File("localhost", int.Parse(node.Address.Split(':')[^1], System.Globalization.CultureInfo.InvariantCulture))));
        Assert.Equal(0, TcpSockets.ListeningCount(node.Pid));
    }

    [Fact]
    public async Task User_messages_cross_with_Akka_serialization()
    {
        var node = StartNode();
        // Akka's default (JSON) serializer names each object's concrete type, which the other process must be able to
        // load: a collection expression would make a compiler-generated type of this assembly, so the lines are an array.
        var order = new Order(7, "Zoë", new[] { new OrderLine("bolt", 3, 0.25m), new OrderLine("nut ✓", 4, 1.5m) });

        var total = await Sys.ActorSelection(node.Address + "/user/echo").Ask<OrderTotal>(order, Long);

        Assert.Equal(new OrderTotal(7, "Zoë", 7, 6.75m, node.Pid), total);
        var bytes = Enumerable.Range(0, 100_000).Select(i => (byte)i).ToArray();
        Assert.Equal(bytes, await Sys.ActorSelection(node.Address + "/user/echo").Ask<byte[]>(bytes, Long));
    }

    [Fact]
    public async Task A_message_over_the_frame_limit_is_dropped_with_an_error_and_the_association_stays_usable()
    {
        var node = StartNode();
        var echo = Sys.ActorSelection(node.Address + "/user/echo");
        Assert.Equal(new Echo("before"), await echo.Ask<Echo>(new Echo("before"), Long));

        await EventFilter.Error(contains: "Discarding oversized payload").ExpectOneAsync(Long, () =>
        {
            echo.Tell(new byte[5 * 1024 * 1024], TestActor);
            return Task.CompletedTask;
        });

        Assert.Equal(new Echo("after"), await echo.Ask<Echo>(new Echo("after"), Long));
    }

    [Fact]
    public async Task Props_deployed_remotely_run_in_the_other_process()
    {
        var node = StartNode();
        var target = Address.Parse(node.Address);

        var deployed = Sys.ActorOf(Props.Create<WhereActor>().WithDeploy(Deploy.None.WithScope(new RemoteScope(target))), "deployed");

        Assert.Equal(target, deployed.Path.Address);
        var where = await deployed.Ask<Where>(new WhereAreYou(), Long);
        Assert.Equal(node.Pid, where.Pid);
        Assert.Contains("/remote/", where.Path, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_watched_actor_whose_process_is_killed_is_Terminated_and_a_restart_on_the_same_address_is_reachable()
    {
        var node = StartNode();
        var address = Address.Parse(node.Address);
        var echo = await Resolve(node.Address + "/user/echo");
        Watch(echo);

        node.KillHard();

        // Noticed by the watch failure detector (heartbeats every 1 s, 4 s acceptable pause).
        ExpectTerminated(echo, Long);

        // The same address again (its stale socket file is reclaimed): Akka quarantined the killed incarnation's uid,
        // not the address, so a fresh process is reachable once the gate of the failed association opens.
        var again = StartNode(address.Port!.Value);
        Assert.Equal(node.Address, again.Address);
        var fresh = await Resolve(again.Address + "/user/echo");
        Assert.Equal(again.Pid, (await fresh.Ask<Where>(new WhereAreYou(), Long)).Pid);
    }

    protected override void AfterAll()
    {
        foreach (var node in _nodes)
            node.Dispose();
        base.AfterAll();
        _dir.Dispose();
    }

    private NodeProcess StartNode(int port = 0)
    {
        var node = NodeProcess.Start("ipc", port, _dir.Path);
        _nodes.Add(node);
        return node;
    }

    /// <summary>Identify, repeated until the remote system answers with the actor (bounded; each try waits for its reply).</summary>
    private async Task<IActorRef> Resolve(string path)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (true)
        {
            try
            {
                var identity = await Sys.ActorSelection(path).Ask<ActorIdentity>(new Identify(path), TimeSpan.FromSeconds(3));
                if (identity.Subject is { } found)
                    return found;
            }
            catch (AskTimeoutException) when (DateTime.UtcNow < deadline)
            {
                // The association is still gated after the previous incarnation's failure: ask again.
            }

            if (DateTime.UtcNow >= deadline)
                throw new TimeoutException($"{path} was not reachable within 60 s");
        }
    }
}
