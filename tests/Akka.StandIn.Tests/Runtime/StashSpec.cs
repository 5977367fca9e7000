using Akka.Actor;

namespace Akka.StandIn.Tests.Runtime;

public sealed class StashSpec
{
    [Fact]
    public void UnstashAll_replays_stashed_messages_in_order_ahead_of_newer_ones()
    {
        using var system = Sys.Create();
        var events = new Collector(system);
        var actor = system.ActorOf(Props.Create(() => new GateActor(events.Ref)), "gate");

        actor.Tell("a");
        actor.Tell("b");
        actor.Tell("open");
        actor.Tell("c");

        events.Expect("stash empty in constructor");
        events.Expect("opened");
        events.Expect("a");
        events.Expect("b");
        events.Expect("c");
    }

    [Fact]
    public void Stashed_messages_survive_a_restart_and_reach_the_new_instance_first()
    {
        using var system = Sys.Create();
        var events = new Collector(system);
        var actor = system.ActorOf(Props.Create(() => new GateActor(events.Ref)), "gate");

        actor.Tell("a");
        actor.Tell("b");
        actor.Tell(new InvalidOperationException("restart"));
        actor.Tell("open");

        events.Expect("stash empty in constructor");
        events.Expect("stash empty in constructor");
        events.Expect("opened");
        events.Expect("a");
        events.Expect("b");
    }

    [Fact]
    public void Stashing_the_same_message_twice_fails_with_IllegalActorStateException()
    {
        using var system = Sys.Create();
        var errors = new Collector(system);
        system.EventStream.Subscribe(errors.Ref, typeof(Akka.Event.Error));
        var actor = system.ActorOf(Props.Create(() => new DoubleStasher()), "double");

        actor.Tell("x");

        Assert.IsType<IllegalActorStateException>(errors.Expect<Akka.Event.Error>().Cause);
    }

    internal sealed class GateActor : ReceiveActor, IWithUnboundedStash
    {
        public GateActor(IActorRef events)
        {
            events.Tell(Stash is null ? "stash empty in constructor" : "stash set too early");
            Receive<Exception>(e => throw e);
            Receive<string>(s => s == "open", _ =>
            {
                events.Tell("opened");
                Stash!.UnstashAll();
                Become(() => ReceiveAny(m => events.Tell(m)));
            });
            ReceiveAny(_ => Stash!.Stash());
        }

        public IStash? Stash { get; set; }
    }

    internal sealed class DoubleStasher : ReceiveActor, IWithUnboundedStash
    {
        public DoubleStasher() => ReceiveAny(_ =>
        {
            Stash.Stash();
            Stash.Stash();
        });

        public IStash Stash { get; set; } = null!;
    }
}
