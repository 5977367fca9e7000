using Akka.Actor;

namespace Akka.StandIn.Tests.Runtime;

public sealed class SchedulerSpec
{
    [Fact]
    public void ScheduleTellOnce_delivers_after_the_delay_with_the_given_sender()
    {
        using var system = Sys.Create();
        var events = new Collector(system);

        system.Scheduler.ScheduleTellOnce(TimeSpan.FromMilliseconds(30), events.Ref, "later", system.DeadLetters);

        events.Expect("later");
        Assert.Equal(system.DeadLetters, events.LastSender);
    }

    [Fact]
    public void A_cancelled_repeating_schedule_stops_delivering()
    {
        using var system = Sys.Create();
        var events = new Collector(system);

        var cancelable = system.Scheduler.ScheduleTellRepeatedlyCancelable(TimeSpan.Zero, TimeSpan.FromMilliseconds(20), events.Ref, "tick", ActorRefs.NoSender);
        events.Expect("tick");
        events.Expect("tick");
        cancelable.Cancel();
        Assert.True(cancelable.IsCancellationRequested);

        // At most one tick can already be in flight when Cancel returns; at 20 ms a live schedule would send ~15.
        Assert.InRange(events.CountFor(TimeSpan.FromMilliseconds(300)), 0, 1);
    }

    [Fact]
    public void A_schedule_cancelled_before_it_fires_never_delivers()
    {
        using var system = Sys.Create();
        var events = new Collector(system);

        var cancelable = system.Scheduler.ScheduleTellOnceCancelable(TimeSpan.FromMilliseconds(100), events.Ref, "never", ActorRefs.NoSender);
        cancelable.Cancel();

        events.ExpectNothing(TimeSpan.FromMilliseconds(300));
    }

    [Fact]
    public void Advanced_runs_actions_once_and_repeatedly()
    {
        using var system = Sys.Create();
        var events = new Collector(system);

        system.Scheduler.Advanced.ScheduleOnce(TimeSpan.FromMilliseconds(10), () => events.Ref.Tell("action", ActorRefs.NoSender));
        var repeating = system.Scheduler.Advanced.ScheduleRepeatedlyCancelable(TimeSpan.Zero, TimeSpan.FromMilliseconds(10), () => events.Ref.Tell("again", ActorRefs.NoSender));

        events.FishFor<string>(s => s == "action");
        events.FishFor<string>(s => s == "again");
        repeating.Cancel();
    }

    [Fact]
    public void Negative_delays_and_non_positive_intervals_are_rejected()
    {
        using var system = Sys.Create();

        Assert.Throws<ArgumentOutOfRangeException>(() =>
            system.Scheduler.ScheduleTellOnce(TimeSpan.FromMilliseconds(-1), system.DeadLetters, "x", ActorRefs.NoSender));
        Assert.Throws<ArgumentOutOfRangeException>(() =>
            system.Scheduler.ScheduleTellRepeatedly(TimeSpan.Zero, TimeSpan.Zero, system.DeadLetters, "x", ActorRefs.NoSender));
    }
}
