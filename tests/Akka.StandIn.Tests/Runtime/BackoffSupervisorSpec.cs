using System.Diagnostics;
using Akka.Actor;
using Akka.Pattern;

namespace Akka.StandIn.Tests.Runtime;

public sealed class BackoffSupervisorSpec
{
    private static readonly TimeSpan MinBackoff = TimeSpan.FromMilliseconds(200);
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromMilliseconds(700);

    [Fact]
    public void OnFailure_restarts_a_new_child_after_delays_that_follow_the_formula()
    {
        using var system = Sys.Create();
        var events = new Collector(system);
        var options = Backoff.OnFailure(Props.Create(() => new StartReporter(events.Ref)), "child", MinBackoff, MaxBackoff, 0.2, -1)
            .WithManualReset();
        var supervisor = system.ActorOf(BackoffSupervisor.Props(options), "backoff");
        var child = events.Expect<IActorRef>();
        Assert.Equal($"{supervisor.Path}/child", child.Path.ToString());

        for (var n = 0; n < 3; n++)
        {
            var clock = Stopwatch.StartNew();
            child.Tell(new InvalidOperationException("fail " + n));
            var next = events.Expect<IActorRef>();
            var elapsed = clock.Elapsed;

            // min(max, min·2^n) is the lower bound; jitter adds up to 20%, and a loaded machine adds more.
            var bound = TimeSpan.FromTicks(Math.Min(MaxBackoff.Ticks, MinBackoff.Ticks << n));
            Assert.InRange(elapsed, bound - TimeSpan.FromMilliseconds(20), (bound * 1.2) + TimeSpan.FromSeconds(3));
            Assert.NotEqual(child, next);
            child = next;
        }
    }

    [Fact]
    public void The_restart_count_is_reported_and_Reset_zeroes_it_under_manual_reset()
    {
        using var system = Sys.Create();
        var events = new Collector(system);
        var options = Backoff.OnFailure(Props.Create(() => new StartReporter(events.Ref)), "child", TimeSpan.FromMilliseconds(10), TimeSpan.FromMilliseconds(50), 0, -1)
            .WithManualReset();
        var supervisor = system.ActorOf(BackoffSupervisor.Props(options), "backoff");
        var child = events.Expect<IActorRef>();

        child.Tell(new InvalidOperationException("fail"));
        events.Expect<IActorRef>();
        supervisor.Tell(BackoffSupervisor.GetRestartCount.Instance, events.Ref);
        Assert.Equal(1, events.Expect<BackoffSupervisor.RestartCount>().Count);
        supervisor.Tell(BackoffSupervisor.Reset.Instance);
        supervisor.Tell(BackoffSupervisor.GetRestartCount.Instance, events.Ref);

        Assert.Equal(0, events.Expect<BackoffSupervisor.RestartCount>().Count);
    }

    [Fact]
    public void OnFailure_stops_the_supervisor_once_the_retries_are_used_up()
    {
        using var system = Sys.Create();
        var events = new Collector(system);
        var options = Backoff.OnFailure(Props.Create(() => new StartReporter(events.Ref)), "child", TimeSpan.FromMilliseconds(10), TimeSpan.FromMilliseconds(50), 0, 1);
        var supervisor = system.ActorOf(BackoffSupervisor.Props(options), "backoff");
        var child = events.Expect<IActorRef>();
        var watcher = new Collector(system);
        system.ActorOf(Props.Create(() => new Actors.Watcher(supervisor, watcher.Ref)), "watcher");
        watcher.Expect("watching");

        child.Tell(new InvalidOperationException("first"));
        child = events.Expect<IActorRef>();
        child.Tell(new InvalidOperationException("second"));

        Assert.Equal(supervisor, watcher.Expect<Actors.Died>().Ref);
    }

    [Fact]
    public void OnStop_starts_a_new_child_when_the_child_stops_itself()
    {
        using var system = Sys.Create();
        var events = new Collector(system);
        var options = Backoff.OnStop(Props.Create(() => new StartReporter(events.Ref)), "child", TimeSpan.FromMilliseconds(50), TimeSpan.FromMilliseconds(100), 0, -1);
        var supervisor = system.ActorOf(BackoffSupervisor.Props(options), "backoff");
        var child = events.Expect<IActorRef>();

        child.Tell("stop yourself");

        var next = events.Expect<IActorRef>();
        Assert.Equal(child.Path, next.Path);
        supervisor.Tell(BackoffSupervisor.GetCurrentChild.Instance, events.Ref);
        Assert.Equal(next, events.Expect<BackoffSupervisor.CurrentChild>().Ref);
    }

    [Fact]
    public void Messages_are_forwarded_to_the_child_keeping_the_original_sender()
    {
        using var system = Sys.Create();
        var events = new Collector(system);
        var options = Backoff.OnStop(Props.Create(() => new StartReporter(events.Ref)), "child", TimeSpan.FromMilliseconds(50), TimeSpan.FromMilliseconds(100), 0, -1);
        var supervisor = system.ActorOf(BackoffSupervisor.Props(options), "backoff");
        events.Expect<IActorRef>();

        supervisor.Tell("echo me", events.Ref);

        events.Expect("echo me");
    }

    [Fact]
    public void Invalid_backoff_values_are_rejected_when_building_the_props()
    {
        var child = Props.Create(() => new StartReporter(ActorRefs.Nobody));

        Assert.Throws<ArgumentException>(() => BackoffSupervisor.Props(Backoff.OnStop(child, "c", TimeSpan.Zero, TimeSpan.FromSeconds(1), 0, -1)));
        Assert.Throws<ArgumentException>(() => BackoffSupervisor.Props(Backoff.OnStop(child, "c", TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(1), 0, -1)));
        Assert.Throws<ArgumentException>(() => BackoffSupervisor.Props(Backoff.OnStop(child, "c", TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1), 1.5, -1)));
    }

    internal sealed class StartReporter : ReceiveActor
    {
        public StartReporter(IActorRef events)
        {
            events.Tell(Self);
            Receive<Exception>(e => throw e);
            Receive<string>(s => s == "stop yourself", _ => Context.Stop(Self));
            Receive<string>(s => Sender.Tell(s));
        }
    }
}
