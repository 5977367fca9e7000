using Akka.Actor;
using Akka.Event;

namespace Akka.StandIn.Tests.Runtime;

public sealed class LifecycleSpec
{
    [Fact]
    public void Context_Stop_Self_finishes_the_current_message_and_the_rest_become_dead_letters()
    {
        using var system = Sys.Create();
        var events = new Collector(system);
        var deadLetters = new Collector(system);
        system.EventStream.Subscribe(deadLetters.Ref, typeof(DeadLetter));
        using var gate = new ManualResetEventSlim();
        var actor = system.ActorOf(Props.Create(() => new SelfStopper(events.Ref, gate)), "stopper");

        actor.Tell("stop");
        actor.Tell("queued");
        gate.Set();

        events.Expect("finished stop");
        events.Expect("PostStop");
        Assert.Equal("queued", deadLetters.Expect<DeadLetter>().Message);
    }

    [Fact]
    public void An_IDisposable_actor_is_disposed_after_PostStop()
    {
        using var system = Sys.Create();
        var events = new Collector(system);
        var actor = system.ActorOf(Props.Create(() => new DisposableActor(events.Ref)), "disposable");

        actor.Tell(PoisonPill.Instance);

        events.Expect("PostStop");
        events.Expect("Dispose");
    }

    [Fact]
    public void WatchWith_after_Watch_is_ignored_and_the_first_registration_wins()
    {
        using var system = Sys.Create();
        var events = new Collector(system);
        var target = system.ActorOf(Props.Create(() => new Actors.Thrower(events.Ref, "t")), "t");
        events.Expect("started:t");
        system.ActorOf(Props.Create(() => new DoubleWatcher(target, events.Ref)), "watcher");
        events.Expect("watching");

        system.Stop(target);

        Assert.Equal(target, events.Expect<Actors.Died>().Ref);
        events.ExpectNothing(TimeSpan.FromMilliseconds(200));
    }

    internal sealed class SelfStopper : ReceiveActor
    {
        private readonly IActorRef _events;

        public SelfStopper(IActorRef events, ManualResetEventSlim gate)
        {
            _events = events;
            Receive<string>(s => s == "stop", _ =>
            {
                Context.Stop(Self);
                // Held so that "queued" is in the mailbox before the stop takes effect.
                gate.Wait(TimeSpan.FromSeconds(10));
                events.Tell("finished stop");
            });
            Receive<string>(s => events.Tell("handled " + s));
        }

        protected override void PostStop() => _events.Tell("PostStop");
    }

    internal sealed class DisposableActor : ReceiveActor, IDisposable
    {
        private readonly IActorRef _events;

        public DisposableActor(IActorRef events)
        {
            _events = events;
            ReceiveAny(_ => { });
        }

        public void Dispose() => _events.Tell("Dispose");

        protected override void PostStop() => _events.Tell("PostStop");
    }

    internal sealed class DoubleWatcher : ReceiveActor
    {
        public DoubleWatcher(IActorRef target, IActorRef events)
        {
            Context.Watch(target);
            Context.WatchWith(target, "custom");
            events.Tell("watching");
            Receive<Terminated>(t => events.Tell(new Actors.Died(t.ActorRef, t.ExistenceConfirmed)));
            ReceiveAny(m => events.Tell(m));
        }
    }
}
