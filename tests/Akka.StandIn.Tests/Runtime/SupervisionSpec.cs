using Akka.Actor;
using Akka.Event;

namespace Akka.StandIn.Tests.Runtime;

public sealed class SupervisionSpec
{
    [Fact]
    public void The_default_strategy_restarts_a_child_that_throws_an_ordinary_exception()
    {
        using var system = Sys.Create();
        var events = new Collector(system);
        var actor = system.ActorOf(Props.Create(() => new Actors.Thrower(events.Ref, "t")), "t");
        events.Expect("started:t");

        actor.Tell(new InvalidOperationException("boom"));

        events.Expect("started:t");
    }

    [Fact]
    public void The_default_strategy_stops_an_actor_whose_constructor_throws()
    {
        using var system = Sys.Create();
        var events = new Collector(system);
        var failing = system.ActorOf(Props.Create(() => new Actors.FailsInConstructor()), "failing");
        system.ActorOf(Props.Create(() => new Actors.Watcher(failing, events.Ref)), "watcher");
        events.Expect("watching");

        var terminated = events.Expect<Actors.Died>();

        Assert.Equal(failing, terminated.Ref);
    }

    [Fact]
    public void The_default_strategy_stops_an_actor_that_is_sent_Kill_and_logs_ActorKilledException()
    {
        using var system = Sys.Create();
        var events = new Collector(system);
        var errors = new Collector(system);
        system.EventStream.Subscribe(errors.Ref, typeof(Error));
        var actor = system.ActorOf(Props.Create(() => new Actors.Thrower(events.Ref, "k")), "k");
        system.ActorOf(Props.Create(() => new Actors.Watcher(actor, events.Ref)), "watcher");
        events.Expect("started:k");
        events.Expect("watching");

        actor.Tell(Kill.Instance);

        Assert.Equal(actor, events.Expect<Actors.Died>().Ref);
        var error = errors.Expect<Error>();
        Assert.IsType<ActorKilledException>(error.Cause);
        Assert.Equal(actor.Path.ToString(), error.LogSource);
    }

    [Fact]
    public void An_unhandled_Terminated_fails_the_watcher_with_DeathPactException_and_stops_it()
    {
        using var system = Sys.Create();
        var events = new Collector(system);
        var target = system.ActorOf(Props.Create(() => new Actors.Thrower(events.Ref, "target")), "target");
        events.Expect("started:target");
        var pact = system.ActorOf(Props.Create(() => new DeathPactActor(target)), "pact");
        system.ActorOf(Props.Create(() => new Actors.Watcher(pact, events.Ref)), "watcher");
        events.Expect("watching");
        var errors = new Collector(system);
        system.EventStream.Subscribe(errors.Ref, typeof(Error));

        system.Stop(target);

        Assert.Equal(pact, events.Expect<Actors.Died>().Ref);
        Assert.IsType<DeathPactException>(errors.Expect<Error>().Cause);
    }

    [Fact]
    public void A_restart_and_a_stop_are_published_as_Error_events_with_the_cause()
    {
        using var system = Sys.Create();
        var events = new Collector(system);
        var errors = new Collector(system);
        system.EventStream.Subscribe(errors.Ref, typeof(Error));
        var actor = system.ActorOf(Props.Create(() => new Actors.Thrower(events.Ref, "e")), "e");
        events.Expect("started:e");

        actor.Tell(new ArithmeticException("restart me"));

        var error = errors.Expect<Error>();
        Assert.IsType<ArithmeticException>(error.Cause);
        Assert.Equal("restart me", error.Message.ToString());
    }

    [Fact]
    public void Resume_is_published_as_a_Warning_and_not_as_an_Error()
    {
        using var system = Sys.Create();
        var events = new Collector(system);
        var logs = new Collector(system);
        system.EventStream.Subscribe(logs.Ref, typeof(LogEvent));
        var strategy = new OneForOneStrategy(_ => Directive.Resume);
        system.ActorOf(Props.Create(() => new Actors.Supervisor(strategy, new[] { Props.Create(() => new Actors.Thrower(events.Ref, "r")) }, events.Ref)), "sup");
        var child = events.Expect<IActorRef>();
        events.Expect("started:r");

        child.Tell(new InvalidOperationException("resume me"));

        var warning = logs.FishFor<LogEvent>(e => e is Warning || e is Error);
        Assert.IsType<Warning>(warning);
    }

    [Fact]
    public void Escalate_fails_the_supervisor_so_its_parent_decides()
    {
        using var system = Sys.Create();
        var events = new Collector(system);
        var strategy = new OneForOneStrategy(_ => Directive.Escalate);
        system.ActorOf(Props.Create(() => new Actors.Supervisor(strategy, new[] { Props.Create(() => new Actors.Thrower(events.Ref, "x")) }, events.Ref)), "sup");
        var child = events.Expect<IActorRef>();
        events.Expect("started:x");

        child.Tell(new InvalidOperationException("escalate me"));

        // The guardian restarts the supervisor, whose new instance creates a new child.
        var newChild = events.Expect<IActorRef>();
        Assert.Equal(child.Path, newChild.Path);
        events.Expect("started:x");
    }

    [Fact]
    public void A_child_whose_escalated_failure_ends_in_Resume_keeps_working_and_is_supervised_again()
    {
        using var system = Sys.Create();
        var events = new Collector(system);
        var escalating = new OneForOneStrategy(_ => Directive.Escalate);
        var resuming = new OneForOneStrategy(_ => Directive.Resume);
        var parentProps = Props.Create(() => new Actors.Supervisor(escalating, new[] { Props.Create(() => new Actors.Thrower(events.Ref, "c")) }, events.Ref));
        system.ActorOf(Props.Create(() => new Actors.Supervisor(resuming, new[] { parentProps }, events.Ref)), "grandparent");
        events.Expect<IActorRef>();
        var child = events.Expect<IActorRef>();
        events.Expect("started:c");

        for (var i = 0; i < 2; i++)
        {
            child.Tell(new InvalidOperationException("escalate " + i));
            child.Tell("still there " + i, events.Ref);
            events.Expect("still there " + i);
        }
    }

    internal sealed class DeathPactActor : ReceiveActor
    {
        public DeathPactActor(IActorRef target)
        {
            Context.Watch(target);
            Receive<string>(_ => { });
        }
    }
}
