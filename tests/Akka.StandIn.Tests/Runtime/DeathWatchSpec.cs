using Akka.Actor;

namespace Akka.StandIn.Tests.Runtime;

public sealed class DeathWatchSpec
{
    [Fact]
    public void A_watcher_gets_Terminated_exactly_once_with_the_dead_actor_as_sender()
    {
        using var system = Sys.Create();
        var events = new Collector(system);
        var target = system.ActorOf(Props.Create(() => new Actors.Thrower(events.Ref, "t")), "t");
        system.ActorOf(Props.Create(() => new Actors.Watcher(target, events.Ref)), "watcher");
        events.Expect("started:t");
        events.Expect("watching");

        system.Stop(target);

        var died = events.Expect<Actors.Died>();
        Assert.Equal(target, died.Ref);
        Assert.True(died.ExistenceConfirmed);
        Assert.Equal(target, died.Sender);
        events.ExpectNothing(TimeSpan.FromMilliseconds(300));
    }

    [Fact]
    public async Task Watching_an_already_dead_actor_gives_Terminated_promptly_without_confirmed_existence()
    {
        using var system = Sys.Create();
        var events = new Collector(system);
        var target = system.ActorOf(Props.Create(() => new Actors.Thrower(events.Ref, "t")), "t");
        events.Expect("started:t");
        Assert.True(await target.GracefulStop(TimeSpan.FromSeconds(10)));

        system.ActorOf(Props.Create(() => new Actors.Watcher(target, events.Ref)), "watcher");
        events.Expect("watching");

        var died = events.Expect<Actors.Died>();
        Assert.Equal(target, died.Ref);
        Assert.False(died.ExistenceConfirmed);
    }

    [Fact]
    public void Watching_the_dead_letters_ref_gives_Terminated_without_confirmed_existence()
    {
        using var system = Sys.Create();
        var events = new Collector(system);

        system.ActorOf(Props.Create(() => new Actors.Watcher(system.DeadLetters, events.Ref)), "watcher");
        events.Expect("watching");

        Assert.False(events.Expect<Actors.Died>().ExistenceConfirmed);
    }

    [Fact]
    public void WatchWith_delivers_the_custom_message_instead_of_Terminated()
    {
        using var system = Sys.Create();
        var events = new Collector(system);
        var target = system.ActorOf(Props.Create(() => new Actors.Thrower(events.Ref, "t")), "t");
        events.Expect("started:t");
        system.ActorOf(Props.Create(() => new WatchWithActor(target, events.Ref)), "watcher");
        events.Expect("watching");

        system.Stop(target);

        events.Expect("target is gone");
        events.ExpectNothing(TimeSpan.FromMilliseconds(200));
    }

    [Fact]
    public void Unwatch_cancels_a_Terminated_that_is_already_queued()
    {
        using var system = Sys.Create();
        var events = new Collector(system);
        var target = system.ActorOf(Props.Create(() => new Actors.Thrower(events.Ref, "t")), "t");
        events.Expect("started:t");
        var observer = new Collector(system);
        system.ActorOf(Props.Create(() => new Actors.Watcher(target, observer.Ref)), "observer");
        observer.Expect("watching");
        using var gate = new ManualResetEventSlim();
        var watcher = system.ActorOf(Props.Create(() => new UnwatchingActor(target, events.Ref, gate)), "watcher");
        events.Expect("watching");

        // Hold the watcher inside a handler while the target dies, so the notification queues up behind "unwatch".
        watcher.Tell("block");
        events.Expect("blocked");
        system.Stop(target);
        Assert.Equal(target, observer.Expect<Actors.Died>().Ref);
        watcher.Tell("unwatch");
        watcher.Tell("ping");
        gate.Set();

        events.Expect("unwatched");
        events.Expect("pong");
        events.ExpectNothing(TimeSpan.FromMilliseconds(300));
    }

    [Fact]
    public void A_parent_is_not_sent_Terminated_for_a_child_it_does_not_watch()
    {
        using var system = Sys.Create();
        var events = new Collector(system);
        var parent = system.ActorOf(Props.Create(() => new Actors.Supervisor(SupervisorStrategy.DefaultStrategy, new[] { Props.Create(() => new Actors.Thrower(events.Ref, "c")) }, events.Ref)), "parent");
        var child = events.Expect<IActorRef>();
        events.Expect("started:c");
        var observer = new Collector(system);
        system.ActorOf(Props.Create(() => new Actors.Watcher(child, observer.Ref)), "observer");
        observer.Expect("watching");
        var parentObserver = new Collector(system);
        system.ActorOf(Props.Create(() => new Actors.Watcher(parent, parentObserver.Ref)), "parent-observer");
        parentObserver.Expect("watching");

        child.Tell(PoisonPill.Instance);

        Assert.Equal(child, observer.Expect<Actors.Died>().Ref);
        // An unhandled Terminated would have failed the parent (DeathPactException) and stopped it.
        parentObserver.ExpectNothing(TimeSpan.FromMilliseconds(300));
        events.ExpectNothing(TimeSpan.FromMilliseconds(10));
    }

    internal sealed class WatchWithActor : ReceiveActor
    {
        public WatchWithActor(IActorRef target, IActorRef events)
        {
            Context.WatchWith(target, "target is gone");
            events.Tell("watching");
            ReceiveAny(m => events.Tell(m));
        }
    }

    internal sealed class UnwatchingActor : ReceiveActor
    {
        public UnwatchingActor(IActorRef target, IActorRef events, ManualResetEventSlim gate)
        {
            Context.Watch(target);
            events.Tell("watching");
            Receive<string>(s => s == "block", _ =>
            {
                events.Tell("blocked");
                gate.Wait(TimeSpan.FromSeconds(10));
            });
            Receive<string>(s => s == "unwatch", _ =>
            {
                Context.Unwatch(target);
                events.Tell("unwatched");
            });
            Receive<string>(s => s == "ping", _ => events.Tell("pong"));
            Receive<Terminated>(t => events.Tell(new Actors.Died(t.ActorRef, t.ExistenceConfirmed)));
        }
    }
}
