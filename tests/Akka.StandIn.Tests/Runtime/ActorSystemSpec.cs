using Akka.Actor;

namespace Akka.StandIn.Tests.Runtime;

public sealed class ActorSystemSpec
{
    [Theory]
    [InlineData("with_underscore")]
    [InlineData("-leading-dash")]
    [InlineData("")]
    [InlineData("has space")]
    public void Create_rejects_invalid_system_names(string name) =>
        Assert.Throws<ArgumentException>(() => ActorSystem.Create(name));

    [Fact]
    public void Create_rejects_a_null_config() =>
        Assert.Throws<ArgumentNullException>(() => ActorSystem.Create("valid-name", (Akka.Configuration.Config)null!));

    [Fact]
    public void Settings_see_both_the_user_configuration_and_the_defaults()
    {
        using var system = ActorSystem.Create("settings-1", "my.key = 5");

        Assert.Equal(5, system.Settings.Config.GetInt("my.key"));
        Assert.Equal("INFO", system.Settings.Config.GetString("akka.loglevel"));
        Assert.Equal("settings-1", system.Name);
    }

    [Fact]
    public void Top_level_actors_live_under_user_and_names_are_validated()
    {
        using var system = Sys.Create();
        var a = system.ActorOf(Props.Empty, "worker");

        Assert.Equal($"akka://{system.Name}/user/worker", a.Path.ToString());
        Assert.Equal(new[] { "user", "worker" }, a.Path.Elements);
        Assert.Equal("/user/worker", a.Path.ToStringWithoutAddress());
        Assert.Throws<InvalidActorNameException>(() => system.ActorOf(Props.Empty, "$reserved"));
        Assert.Throws<InvalidActorNameException>(() => system.ActorOf(Props.Empty, "bad/name"));
        var duplicate = Assert.Throws<InvalidActorNameException>(() => system.ActorOf(Props.Empty, "worker"));
        Assert.Contains("is not unique!", duplicate.Message);
        Assert.StartsWith("$", system.ActorOf(Props.Empty).Path.Name);
    }

    [Fact]
    public void Actor_refs_compare_by_path_and_uid_and_print_with_the_uid()
    {
        using var system = Sys.Create();
        var a = system.ActorOf(Props.Empty, "a");

        Assert.Matches(@"^\[akka://spec-[0-9a-f]{8}/user/a#\d+\]$", a.ToString());
        Assert.NotEqual(0, a.Path.Uid);
        Assert.True(a.Equals(a));
        Assert.True(ActorRefs.Nobody.IsNobody());
        Assert.True(system.DeadLetters.IsNobody());
        Assert.False(a.IsNobody());
    }

    [Fact]
    public void Creating_an_actor_with_new_outside_ActorOf_throws_ActorInitializationException() =>
        Assert.Throws<ActorInitializationException>(() => new Actors.Thrower(ActorRefs.Nobody, "x"));

    [Fact]
    public async Task Terminate_runs_children_PostStop_before_parents_and_completes_WhenTerminated()
    {
        var system = Sys.Create();
        var order = new System.Collections.Concurrent.ConcurrentQueue<string>();
        system.ActorOf(Props.Create(() => new TreeNode(order, 2)), "root");
        var terminatedCallback = new ManualResetEventSlim();
        system.RegisterOnTermination(terminatedCallback.Set);

        await system.Terminate().WaitAsync(Collector.DefaultWait);

        Assert.True(system.WhenTerminated.IsCompleted);
        Assert.True(terminatedCallback.Wait(Collector.DefaultWait));
        var stops = order.ToList();
        Assert.Equal(7, stops.Count);
        foreach (var path in stops)
        {
            var parent = path[..path.LastIndexOf('/')];
            if (stops.Contains(parent))
                Assert.True(stops.IndexOf(path) < stops.IndexOf(parent), $"{path} stopped after its parent");
        }

        Assert.True(system.Terminate().IsCompleted);
    }

    [Fact]
    public void Stop_is_asynchronous_and_stops_the_actor()
    {
        using var system = Sys.Create();
        var events = new Collector(system);
        var actor = system.ActorOf(Props.Create(() => new Actors.Thrower(events.Ref, "s")), "s");
        system.ActorOf(Props.Create(() => new Actors.Watcher(actor, events.Ref)), "watcher");
        events.Expect("started:s");
        events.Expect("watching");

        system.Stop(actor);

        Assert.Equal(actor, events.Expect<Actors.Died>().Ref);
    }

    [Fact]
    public void A_stopped_childs_name_can_be_reused_once_it_has_terminated()
    {
        using var system = Sys.Create();
        var events = new Collector(system);
        var first = system.ActorOf(Props.Create(() => new Actors.Thrower(events.Ref, "1")), "name");
        system.ActorOf(Props.Create(() => new Actors.Watcher(first, events.Ref)), "watcher");
        events.Expect("started:1");
        events.Expect("watching");
        system.Stop(first);
        events.Expect<Actors.Died>();

        // The guardian frees the name when it processes the child's termination, which may lag the watcher slightly.
        IActorRef? second = null;
        var deadline = DateTime.UtcNow + Collector.DefaultWait;
        while (second is null && DateTime.UtcNow < deadline)
        {
            try
            {
                second = system.ActorOf(Props.Create(() => new Actors.Thrower(events.Ref, "2")), "name");
            }
            catch (InvalidActorNameException)
            {
                Thread.Yield();
            }
        }

        events.Expect("started:2");
        Assert.Equal(first.Path, second!.Path);
        Assert.NotEqual(first, second);
    }

    internal sealed class TreeNode : ReceiveActor
    {
        private readonly System.Collections.Concurrent.ConcurrentQueue<string> _order;

        public TreeNode(System.Collections.Concurrent.ConcurrentQueue<string> order, int depth)
        {
            _order = order;
            if (depth > 0)
            {
                Context.ActorOf(Props.Create(() => new TreeNode(order, depth - 1)), "l");
                Context.ActorOf(Props.Create(() => new TreeNode(order, depth - 1)), "r");
            }

            ReceiveAny(_ => { });
        }

        protected override void PostStop() => _order.Enqueue(Self.Path.ToString());
    }
}
