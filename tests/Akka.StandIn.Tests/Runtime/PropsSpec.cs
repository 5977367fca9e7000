using Akka.Actor;

namespace Akka.StandIn.Tests.Runtime;

public sealed class PropsSpec
{
    private static int _evaluations;

    [Fact]
    public void Expression_arguments_are_evaluated_once_and_reused_by_every_incarnation()
    {
        using var system = Sys.Create();
        var events = new Collector(system);
        var before = Volatile.Read(ref _evaluations);
        var props = Props.Create(() => new ArgumentReporter(events.Ref, NextArgument()));
        Assert.Equal(before + 1, Volatile.Read(ref _evaluations));
        var actor = system.ActorOf(props, "reporter");
        var first = events.Expect<object>();

        actor.Tell(new InvalidOperationException("restart"));

        Assert.Same(first, events.Next());
        Assert.Equal(before + 1, Volatile.Read(ref _evaluations));
    }

    [Fact]
    public void An_expression_that_is_not_a_new_expression_is_rejected() =>
        Assert.Throws<ArgumentException>(() => Props.Create(() => Factory()));

    [Fact]
    public void Props_are_immutable_recipes()
    {
        var props = Props.Create<ArgumentReporter>(ActorRefs.Nobody, new object());
        var withStrategy = props.WithSupervisorStrategy(SupervisorStrategy.StoppingStrategy);

        Assert.Null(props.SupervisorStrategy);
        Assert.Same(SupervisorStrategy.StoppingStrategy, withStrategy.SupervisorStrategy);
        Assert.Equal(typeof(ArgumentReporter), withStrategy.Type);
        Assert.Equal(2, withStrategy.Arguments.Length);
    }

    [Fact]
    public void A_strategy_given_in_Props_overrides_the_actors_own_strategy()
    {
        using var system = Sys.Create();
        var events = new Collector(system);
        var children = new[] { Props.Create(() => new Actors.Thrower(events.Ref, "c")) };
        var restarting = new OneForOneStrategy(_ => Directive.Restart);
        var parent = system.ActorOf(
            Props.Create(() => new Actors.Supervisor(restarting, children, events.Ref)).WithSupervisorStrategy(SupervisorStrategy.StoppingStrategy),
            "parent");
        var child = events.Expect<IActorRef>();
        events.Expect("started:c");
        system.ActorOf(Props.Create(() => new Actors.Watcher(child, events.Ref)), "watcher");
        events.Expect("watching");

        child.Tell(new InvalidOperationException("stop, not restart"));

        Assert.Equal(child, events.Expect<Actors.Died>().Ref);
        GC.KeepAlive(parent);
    }

    private static object NextArgument()
    {
        Interlocked.Increment(ref _evaluations);
        return new object();
    }

    private static ArgumentReporter Factory() => throw new InvalidOperationException("never called");

    internal sealed class ArgumentReporter : ReceiveActor
    {
        public ArgumentReporter(IActorRef events, object argument)
        {
            events.Tell(argument);
            Receive<Exception>(e => throw e);
        }
    }
}
