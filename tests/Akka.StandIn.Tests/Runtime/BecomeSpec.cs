using Akka.Actor;

namespace Akka.StandIn.Tests.Runtime;

public sealed class BecomeSpec
{
    [Fact]
    public void ReceiveActor_Become_replaces_the_behaviour_and_unhandled_messages_go_to_Unhandled()
    {
        using var system = Sys.Create();
        var events = new Collector(system);
        var actor = system.ActorOf(Props.Create(() => new Switcher(events.Ref)), "switcher");

        actor.Tell("who");
        actor.Tell("become-b");
        actor.Tell("who");
        actor.Tell(42);

        events.Expect("a");
        events.Expect("b");
        events.Expect("unhandled:42");
    }

    [Fact]
    public void BecomeStacked_and_UnbecomeStacked_push_and_pop_but_never_pop_the_initial_behaviour()
    {
        using var system = Sys.Create();
        var events = new Collector(system);
        var actor = system.ActorOf(Props.Create(() => new Switcher(events.Ref)), "switcher");

        actor.Tell("push-b");
        actor.Tell("who");
        actor.Tell("pop");
        actor.Tell("who");
        actor.Tell("pop");
        actor.Tell("who");

        events.Expect("b");
        events.Expect("a");
        events.Expect("a");
    }

    [Fact]
    public void Become_with_one_entry_pushes_and_with_more_replaces_the_top()
    {
        using var system = Sys.Create();
        var events = new Collector(system);
        var actor = system.ActorOf(Props.Create(() => new Switcher(events.Ref)), "switcher");

        actor.Tell("become-b");
        actor.Tell("become-c");
        actor.Tell("who");
        actor.Tell("pop");
        actor.Tell("who");

        events.Expect("c");
        events.Expect("a");
    }

    [Fact]
    public void UntypedActor_Become_switches_the_OnReceive_behaviour()
    {
        using var system = Sys.Create();
        var events = new Collector(system);
        var actor = system.ActorOf(Props.Create(() => new UntypedSwitcher(events.Ref)), "untyped");

        actor.Tell("x");
        actor.Tell("x");

        events.Expect("first:x");
        events.Expect("second:x");
    }

    [Fact]
    public void Receive_handlers_are_tried_in_order_and_a_false_predicate_falls_through()
    {
        using var system = Sys.Create();
        var events = new Collector(system);
        var actor = system.ActorOf(Props.Create(() => new Matcher(events.Ref)), "matcher");

        actor.Tell("short");
        actor.Tell("a much longer string");
        actor.Tell(5);

        events.Expect("long? no; fallback short");
        events.Expect("long a much longer string");
        events.Expect("any 5");
    }

    internal sealed class Switcher : ReceiveActor
    {
        private readonly IActorRef _events;

        public Switcher(IActorRef events)
        {
            _events = events;
            Common("a");
        }

        protected override void Unhandled(object message) => _events.Tell("unhandled:" + message);

        private void Common(string name)
        {
            Receive<string>(s => s == "who", _ => _events.Tell(name));
            Receive<string>(s => s == "become-b", _ => Become(() => Common("b")));
            Receive<string>(s => s == "become-c", _ => Become(() => Common("c")));
            Receive<string>(s => s == "push-b", _ => BecomeStacked(() => Common("b")));
            Receive<string>(s => s == "pop", _ => UnbecomeStacked());
        }
    }

    internal sealed class UntypedSwitcher : UntypedActor
    {
        private readonly IActorRef _events;

        public UntypedSwitcher(IActorRef events) => _events = events;

        protected override void OnReceive(object message)
        {
            _events.Tell("first:" + message);
            Become(Second);
        }

        private void Second(object message) => _events.Tell("second:" + message);
    }

    internal sealed class Matcher : ReceiveActor
    {
        public Matcher(IActorRef events)
        {
            Receive<string>(s => s.Length > 10, s => events.Tell("long " + s));
            Receive<string>(s =>
            {
                events.Tell("long? no; fallback " + s);
                return true;
            });
            ReceiveAny(m => events.Tell("any " + m));
        }
    }
}
