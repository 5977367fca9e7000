using Akka.Actor;

namespace Akka.StandIn.Tests.Runtime;

public sealed class RestartBudgetSpec
{
    [Fact]
    public void A_budget_of_two_restarts_without_window_stops_the_child_at_the_third_failure()
    {
        using var system = Sys.Create();
        var events = new Collector(system);
        var child = StartSupervised(system, events, new OneForOneStrategy(2, null, _ => Directive.Restart));
        var watcher = new Collector(system);
        system.ActorOf(Props.Create(() => new Actors.Watcher(child, watcher.Ref)), "watcher");
        watcher.Expect("watching");

        child.Tell(new InvalidOperationException("1"));
        events.Expect("started:c");
        child.Tell(new InvalidOperationException("2"));
        events.Expect("started:c");
        child.Tell(new InvalidOperationException("3"));

        Assert.Equal(child, watcher.Expect<Actors.Died>().Ref);
        events.ExpectNothing(TimeSpan.FromMilliseconds(100));
    }

    [Fact]
    public void A_budget_of_zero_stops_the_child_at_the_first_failure()
    {
        using var system = Sys.Create();
        var events = new Collector(system);
        var child = StartSupervised(system, events, new OneForOneStrategy(0, TimeSpan.FromSeconds(10), _ => Directive.Restart));
        var watcher = new Collector(system);
        system.ActorOf(Props.Create(() => new Actors.Watcher(child, watcher.Ref)), "watcher");
        watcher.Expect("watching");

        child.Tell(new InvalidOperationException("1"));

        Assert.Equal(child, watcher.Expect<Actors.Died>().Ref);
    }

    [Fact]
    public void A_windowed_budget_stops_the_child_when_exceeded_inside_the_window()
    {
        using var system = Sys.Create();
        var events = new Collector(system);
        var child = StartSupervised(system, events, new OneForOneStrategy(1, TimeSpan.FromMinutes(1), _ => Directive.Restart));
        var watcher = new Collector(system);
        system.ActorOf(Props.Create(() => new Actors.Watcher(child, watcher.Ref)), "watcher");
        watcher.Expect("watching");

        child.Tell(new InvalidOperationException("1"));
        events.Expect("started:c");
        child.Tell(new InvalidOperationException("2"));

        Assert.Equal(child, watcher.Expect<Actors.Died>().Ref);
    }

    [Fact]
    public void A_windowed_budget_starts_counting_again_after_the_window()
    {
        using var system = Sys.Create();
        var events = new Collector(system);
        var child = StartSupervised(system, events, new OneForOneStrategy(1, TimeSpan.FromMilliseconds(300), _ => Directive.Restart));

        child.Tell(new InvalidOperationException("1"));
        events.Expect("started:c");
        // Let the window pass: the scheduler tells the collector once 600 ms have elapsed.
        system.Scheduler.ScheduleTellOnce(TimeSpan.FromMilliseconds(600), events.Ref, "window over", ActorRefs.NoSender);
        events.Expect("window over");
        child.Tell(new InvalidOperationException("2"));

        events.Expect("started:c");
    }

    [Fact]
    public void AllForOne_restarts_every_child_when_one_fails()
    {
        using var system = Sys.Create();
        var events = new Collector(system);
        var children = new[]
        {
            Props.Create(() => new Actors.Thrower(events.Ref, "a")),
            Props.Create(() => new Actors.Thrower(events.Ref, "b")),
        };
        system.ActorOf(Props.Create(() => new Actors.Supervisor(new AllForOneStrategy(_ => Directive.Restart), children, events.Ref)), "sup");
        var first = events.Expect<IActorRef>();
        events.Expect<IActorRef>();
        var started = new[] { events.Expect<string>(), events.Expect<string>() };
        Assert.Equivalent(new[] { "started:a", "started:b" }, started);

        first.Tell(new InvalidOperationException("boom"));

        var restarted = new[] { events.Expect<string>(), events.Expect<string>() };
        Assert.Equivalent(new[] { "started:a", "started:b" }, restarted);
    }

    [Fact]
    public void AllForOne_stops_every_child_when_the_directive_is_Stop()
    {
        using var system = Sys.Create();
        var events = new Collector(system);
        var children = new[]
        {
            Props.Create(() => new Actors.Thrower(events.Ref, "a")),
            Props.Create(() => new Actors.Thrower(events.Ref, "b")),
        };
        system.ActorOf(Props.Create(() => new Actors.Supervisor(new AllForOneStrategy(_ => Directive.Stop), children, events.Ref)), "sup");
        var first = events.Expect<IActorRef>();
        var second = events.Expect<IActorRef>();
        var watcher = new Collector(system);
        system.ActorOf(Props.Create(() => new Actors.Watcher(second, watcher.Ref)), "watcher");
        watcher.Expect("watching");

        first.Tell(new InvalidOperationException("boom"));

        Assert.Equal(second, watcher.Expect<Actors.Died>().Ref);
    }

    private static IActorRef StartSupervised(ActorSystem system, Collector events, SupervisorStrategy strategy)
    {
        system.ActorOf(Props.Create(() => new Actors.Supervisor(strategy, new[] { Props.Create(() => new Actors.Thrower(events.Ref, "c")) }, events.Ref)), "sup");
        var child = events.Expect<IActorRef>();
        events.Expect("started:c");
        return child;
    }
}
