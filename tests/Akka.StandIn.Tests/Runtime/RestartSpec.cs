using Akka.Actor;

namespace Akka.StandIn.Tests.Runtime;

public sealed class RestartSpec
{
    private static int _instances;

    [Fact]
    public void Restart_runs_PreRestart_PostStop_constructor_PostRestart_PreStart_in_that_order()
    {
        using var system = Sys.Create();
        var events = new Collector(system);
        var actor = system.ActorOf(Props.Create(() => new LifecycleActor(events.Ref)), "lifecycle");
        var first = events.Expect<string>();
        Assert.StartsWith("ctor#", first);
        var id = first["ctor#".Length..];
        events.Expect("PreStart#" + id);

        actor.Tell("fail");

        events.Expect("PreRestart#" + id + ":boom:fail");
        events.Expect("PostStop#" + id);
        var second = events.Expect<string>();
        Assert.StartsWith("ctor#", second);
        var newId = second["ctor#".Length..];
        Assert.NotEqual(id, newId);
        events.Expect("PostRestart#" + newId + ":boom");
        events.Expect("PreStart#" + newId);
    }

    [Fact]
    public void The_mailbox_survives_a_restart_and_the_failing_message_is_not_retried()
    {
        using var system = Sys.Create();
        var events = new Collector(system);
        var actor = system.ActorOf(Props.Create(() => new RecordingActor(events.Ref, new Counter())), "recording");

        actor.Tell("a");
        actor.Tell("fail");
        actor.Tell("b");
        actor.Tell("c");

        events.Expect("1:a");
        events.Expect("2:b");
        events.Expect("2:c");
        events.ExpectNothing(TimeSpan.FromMilliseconds(200));
    }

    [Fact]
    public async Task A_restarted_actor_keeps_its_ref_and_watchers_see_no_Terminated()
    {
        using var system = Sys.Create();
        var events = new Collector(system);
        var actor = system.ActorOf(Props.Create(() => new RecordingActor(events.Ref, new Counter())), "recording");
        var watcher = system.ActorOf(Props.Create(() => new WatchingActor(actor, events.Ref)), "watcher");
        events.Expect("watching");

        actor.Tell("fail");
        actor.Tell("x");

        events.Expect("2:x");
        Assert.Equal("2:y", await actor.Ask<string>("y", TimeSpan.FromSeconds(10)));
        Assert.Equal(actor, await system.ActorOf(Props.Create(() => new ForwardRefActor(actor)), "probe").Ask<IActorRef>("get", TimeSpan.FromSeconds(10)));
        events.ExpectNothing(TimeSpan.FromMilliseconds(200));
        GC.KeepAlive(watcher);
    }

    [Fact]
    public void Resume_keeps_the_instance_and_its_state()
    {
        using var system = Sys.Create();
        var events = new Collector(system);
        var parent = system.ActorOf(
            Props.Create(() => new ParentActor(Props.Create(() => new RecordingActor(events.Ref, new Counter())), events.Ref))
                .WithSupervisorStrategy(new OneForOneStrategy(_ => Directive.Resume)),
            "parent");
        var child = events.Expect<IActorRef>();

        child.Tell("a");
        child.Tell("fail");
        child.Tell("b");

        events.Expect("1:a");
        events.Expect("1:b");
        GC.KeepAlive(parent);
    }

    [Fact]
    public void Default_PreRestart_stops_the_children_of_the_failed_actor()
    {
        using var system = Sys.Create();
        var events = new Collector(system);
        var parent = system.ActorOf(Props.Create(() => new ParentActor(Props.Create(() => new LifecycleActor(events.Ref)), events.Ref)), "parent");
        var child = events.Expect<IActorRef>();
        var childId = events.Expect<string>()["ctor#".Length..];
        events.Expect("PreStart#" + childId);

        parent.Tell("fail");

        // The child is stopped (not restarted) by the parent's default PreRestart; the new parent instance creates a new child.
        events.Expect("PostStop#" + childId);
        var newChild = events.Expect<IActorRef>();
        Assert.Equal(child.Path, newChild.Path);
        Assert.NotEqual(child, newChild);
    }

    internal sealed class LifecycleActor : ReceiveActor
    {
        private readonly IActorRef _events;
        private readonly int _id = Interlocked.Increment(ref _instances);

        public LifecycleActor(IActorRef events)
        {
            _events = events;
            events.Tell("ctor#" + _id);
            Receive<string>(s => s == "fail", _ => throw new InvalidOperationException("boom"));
        }

        protected override void PreStart() => _events.Tell("PreStart#" + _id);

        protected override void PostStop() => _events.Tell("PostStop#" + _id);

        protected override void PreRestart(Exception reason, object message)
        {
            _events.Tell($"PreRestart#{_id}:{reason.Message}:{message}");
            base.PreRestart(reason, message);
        }

        protected override void PostRestart(Exception reason)
        {
            _events.Tell($"PostRestart#{_id}:{reason.Message}");
            base.PostRestart(reason);
        }
    }

    /// <summary>Counts incarnations; Props evaluates it once, so every incarnation of one ref shares it.</summary>
    internal sealed class Counter
    {
        private int _value;

        public int Next() => Interlocked.Increment(ref _value);
    }

    internal sealed class RecordingActor : ReceiveActor
    {
        public RecordingActor(IActorRef events, Counter incarnations)
        {
            var incarnation = incarnations.Next();
            Receive<string>(s => s == "fail", _ => throw new InvalidOperationException("boom"));
            Receive<string>(s => s == "y", s => Sender.Tell($"{incarnation}:{s}"));
            Receive<string>(s => events.Tell($"{incarnation}:{s}"));
        }
    }

    internal sealed class WatchingActor : ReceiveActor
    {
        public WatchingActor(IActorRef target, IActorRef events)
        {
            Context.Watch(target);
            events.Tell("watching");
            Receive<Terminated>(t => events.Tell(new Actors.Died(t.ActorRef, t.ExistenceConfirmed)));
        }
    }

    internal sealed class ForwardRefActor : ReceiveActor
    {
        public ForwardRefActor(IActorRef target) => Receive<string>(_ => Sender.Tell(target));
    }

    internal sealed class ParentActor : ReceiveActor
    {
        public ParentActor(Props childProps, IActorRef events)
        {
            events.Tell(Context.ActorOf(childProps, "child"));
            Receive<string>(s => s == "fail", _ => throw new InvalidOperationException("parent boom"));
        }
    }
}
