using Akka.Actor;

namespace Akka.StandIn.Tests.Runtime;

public sealed class TimerSpec
{
    [Fact]
    public void A_single_timer_delivers_the_plain_message_once_and_is_then_inactive()
    {
        using var system = Sys.Create();
        var events = new Collector(system);
        var actor = system.ActorOf(Props.Create(() => new TimerActor(events.Ref)), "timers");

        actor.Tell(new StartSingle("k", "tick", TimeSpan.FromMilliseconds(50)));

        events.Expect("active:True");
        events.Expect("got:tick:deadLetters");
        actor.Tell("active?");
        events.Expect("active:False");
        events.ExpectNothing(TimeSpan.FromMilliseconds(200));
    }

    [Fact]
    public void A_cancelled_periodic_timer_never_delivers_again_even_if_a_tick_was_already_queued()
    {
        using var system = Sys.Create();
        var events = new Collector(system);
        var actor = system.ActorOf(Props.Create(() => new TimerActor(events.Ref)), "timers");

        actor.Tell(new StartPeriodic("k", "tick", TimeSpan.FromMilliseconds(1)));
        events.Expect("active:True");
        events.Expect("got:tick:deadLetters");
        events.Expect("got:tick:deadLetters");
        actor.Tell("cancel");

        events.FishFor<string>(s => s == "cancelled");
        actor.Tell("active?");
        events.Expect("active:False");
        events.ExpectNothing(TimeSpan.FromMilliseconds(200));
    }

    [Fact]
    public void Starting_a_timer_with_a_key_in_use_replaces_the_old_one()
    {
        using var system = Sys.Create();
        var events = new Collector(system);
        var actor = system.ActorOf(Props.Create(() => new TimerActor(events.Ref)), "timers");

        actor.Tell(new StartSingle("k", "first", TimeSpan.FromMilliseconds(300)));
        actor.Tell(new StartSingle("k", "second", TimeSpan.FromMilliseconds(50)));

        events.Expect("active:True");
        events.Expect("active:True");
        events.Expect("got:second:deadLetters");
        events.ExpectNothing(TimeSpan.FromMilliseconds(500));
    }

    [Fact]
    public void Timers_of_a_failed_instance_do_not_reach_the_restarted_instance()
    {
        using var system = Sys.Create();
        var events = new Collector(system);
        var actor = system.ActorOf(Props.Create(() => new TimerActor(events.Ref)), "timers");
        actor.Tell(new StartPeriodic("k", "tick", TimeSpan.FromMilliseconds(1)));
        events.Expect("active:True");
        events.Expect("got:tick:deadLetters");

        actor.Tell(new InvalidOperationException("restart"));

        events.FishFor<string>(s => s == "restarted");
        events.ExpectNothing(TimeSpan.FromMilliseconds(200));
    }

    [Fact]
    public void A_timer_started_with_a_sender_delivers_it_as_Sender()
    {
        using var system = Sys.Create();
        var events = new Collector(system);
        var actor = system.ActorOf(Props.Create(() => new TimerActor(events.Ref)), "timers");

        actor.Tell(new StartSingle("k", "tick", TimeSpan.FromMilliseconds(10), events.Ref));

        events.Expect("active:True");
        events.Expect($"got:tick:{events.Ref.Path.Name}");
    }

    internal sealed record StartSingle(object Key, object Message, TimeSpan Delay, IActorRef? Sender = null);

    internal sealed record StartPeriodic(object Key, object Message, TimeSpan Interval);

    internal sealed class TimerActor : ReceiveActor, IWithTimers
    {
        private readonly IActorRef _events;

        public TimerActor(IActorRef events)
        {
            _events = events;
            Receive<StartSingle>(s =>
            {
                if (s.Sender is null)
                    Timers.StartSingleTimer(s.Key, s.Message, s.Delay);
                else
                    Timers.StartSingleTimer(s.Key, s.Message, s.Delay, s.Sender);
                events.Tell("active:" + Timers.IsTimerActive(s.Key));
            });
            Receive<StartPeriodic>(s =>
            {
                Timers.StartPeriodicTimer(s.Key, s.Message, s.Interval);
                events.Tell("active:" + Timers.IsTimerActive(s.Key));
            });
            Receive<string>(s => s == "cancel", _ =>
            {
                Timers.Cancel("k");
                events.Tell("cancelled");
            });
            Receive<string>(s => s == "active?", _ => events.Tell("active:" + Timers.IsTimerActive("k")));
            Receive<Exception>(e => throw e);
            Receive<string>(s => events.Tell($"got:{s}:{Sender.Path.Name}"));
        }

        public ITimerScheduler Timers { get; set; } = null!;

        protected override void PostRestart(Exception reason) => _events.Tell("restarted");
    }
}
