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
