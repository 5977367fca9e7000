using Akka.Actor;

namespace Akka.StandIn.Tests.Runtime;

public sealed class ReceiveTimeoutSpec
{
    [Fact]
    public void An_idle_actor_gets_ReceiveTimeout_from_itself_repeatedly_until_it_is_turned_off()
    {
        using var system = Sys.Create();
        var events = new Collector(system);
        system.ActorOf(Props.Create(() => new IdleActor(events.Ref)), "idle");

        events.Expect("timeout 1 from idle");
        events.Expect("timeout 2 from idle");
        events.ExpectNothing(TimeSpan.FromMilliseconds(300));
    }

    [Fact]
    public void Messages_that_do_not_influence_the_receive_timeout_do_not_reset_it()
    {
        using var system = Sys.Create();
        var events = new Collector(system);
        var actor = system.ActorOf(Props.Create(() => new TimeoutReporter(events.Ref)), "reporter");

        // Ticks arrive far more often than the timeout; only their not resetting it lets the timeout fire.
        var ticks = system.Scheduler.ScheduleTellRepeatedlyCancelable(TimeSpan.Zero, TimeSpan.FromMilliseconds(20), actor, new Tick(), ActorRefs.NoSender);
        try
        {
            events.Expect("timeout");
        }
        finally
        {
            ticks.Cancel();
        }
    }

    internal sealed class Tick : INotInfluenceReceiveTimeout;

    internal sealed class TimeoutReporter : ReceiveActor
    {
        public TimeoutReporter(IActorRef events)
        {
            SetReceiveTimeout(TimeSpan.FromMilliseconds(200));
            Receive<Tick>(_ => { });
            Receive<ReceiveTimeout>(_ =>
            {
                events.Tell("timeout");
                SetReceiveTimeout(null);
            });
        }
    }

    internal sealed class IdleActor : ReceiveActor
    {
        private int _count;

        public IdleActor(IActorRef events)
        {
            SetReceiveTimeout(TimeSpan.FromMilliseconds(50));
            Receive<ReceiveTimeout>(_ =>
            {
                events.Tell($"timeout {++_count} from {Sender.Path.Name}");
                if (_count == 2)
                    SetReceiveTimeout(null);
            });
        }
    }
}
