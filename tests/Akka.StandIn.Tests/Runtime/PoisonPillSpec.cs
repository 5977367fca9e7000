using Akka.Actor;
using Akka.Event;

namespace Akka.StandIn.Tests.Runtime;

public sealed class PoisonPillSpec
{
    [Fact]
    public void PoisonPill_lets_earlier_messages_through_then_stops_and_later_ones_become_dead_letters()
    {
        using var system = Sys.Create();
        var events = new Collector(system);
        var deadLetters = new Collector(system);
        system.EventStream.Subscribe(deadLetters.Ref, typeof(DeadLetter));
        var actor = system.ActorOf(Props.Create(() => new Actors.Thrower(events.Ref, "p")), "p");
        system.ActorOf(Props.Create(() => new Actors.Watcher(actor, events.Ref)), "watcher");
        events.Expect("started:p");
        events.Expect("watching");

        actor.Tell("one", events.Ref);
        actor.Tell(PoisonPill.Instance);
        actor.Tell("two", events.Ref);

        events.Expect("one");
        Assert.Equal(actor, events.Expect<Actors.Died>().Ref);
        var dead = deadLetters.Expect<DeadLetter>();
        Assert.Equal("two", dead.Message);
        Assert.Equal(actor, dead.Recipient);
        Assert.Equal(events.Ref, dead.Sender);
    }

    [Fact]
    public async Task A_message_sent_without_sender_to_a_dead_actor_names_dead_letters_as_sender()
    {
        using var system = Sys.Create();
        var events = new Collector(system);
        var deadLetters = new Collector(system);
        system.EventStream.Subscribe(deadLetters.Ref, typeof(DeadLetter));
        var actor = system.ActorOf(Props.Create(() => new Actors.Thrower(events.Ref, "p")), "p");
        events.Expect("started:p");
        Assert.True(await actor.GracefulStop(TimeSpan.FromSeconds(10)));

        actor.Tell("late", ActorRefs.NoSender);

        var dead = deadLetters.Expect<DeadLetter>();
        Assert.Equal(system.DeadLetters, dead.Sender);
    }

    [Fact]
    public void Unhandled_messages_are_published_as_UnhandledMessage()
    {
        using var system = Sys.Create();
        var unhandled = new Collector(system);
        system.EventStream.Subscribe(unhandled.Ref, typeof(UnhandledMessage));
        var actor = system.ActorOf(Props.Create(() => new OnlyStrings()), "strings");

        actor.Tell(12, unhandled.Ref);

        var message = unhandled.Expect<UnhandledMessage>();
        Assert.Equal(12, message.Message);
        Assert.Equal(actor, message.Recipient);
        Assert.Equal(unhandled.Ref, message.Sender);
    }

    internal sealed class OnlyStrings : ReceiveActor
    {
        public OnlyStrings() => Receive<string>(_ => { });
    }
}
