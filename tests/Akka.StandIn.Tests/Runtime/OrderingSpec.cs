using Akka.Actor;

namespace Akka.StandIn.Tests.Runtime;

public sealed class OrderingSpec
{
    [Fact]
    public void Messages_from_one_sender_to_one_receiver_arrive_in_the_order_sent()
    {
        const int senders = 4;
        const int perSender = 20_000;
        using var system = Sys.Create();
        var events = new Collector(system);
        var receiver = system.ActorOf(Props.Create(() => new SequenceChecker(senders * perSender, events.Ref)), "receiver");
        for (var s = 0; s < senders; s++)
            system.ActorOf(Props.Create(() => new Sequencer(receiver, perSender)), "sender" + s).Tell("go");

        Assert.Equal("in order", events.Next(TimeSpan.FromSeconds(30)));
    }

    internal sealed record Numbered(int Value);

    internal sealed class Sequencer : ReceiveActor
    {
        public Sequencer(IActorRef receiver, int count) => Receive<string>(_ =>
        {
            for (var i = 0; i < count; i++)
                receiver.Tell(new Numbered(i));
        });
    }

    internal sealed class SequenceChecker : ReceiveActor
    {
        private readonly Dictionary<IActorRef, int> _last = new();
        private int _received;

        public SequenceChecker(int expected, IActorRef events) => Receive<Numbered>(n =>
        {
            var previous = _last.TryGetValue(Sender, out var p) ? p : -1;
            if (n.Value != previous + 1)
                events.Tell($"out of order from {Sender}: {n.Value} after {previous}");
            _last[Sender] = n.Value;
            if (++_received == expected)
                events.Tell("in order");
        });
    }
}
