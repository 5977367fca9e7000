using Akka.Actor;

namespace AkkaIpc.Benchmarks.Runtime;

/// <summary>Counts <see cref="Tick"/>s; after <see cref="Expect"/>(n) it answers the asker once n have arrived.</summary>
internal sealed class TellReceiver : ReceiveActor
{
    private long _remaining;
    private IActorRef _waiter = ActorRefs.Nobody;

    public TellReceiver()
    {
        Receive<Tick>(_ =>
        {
            if (--_remaining == 0)
                _waiter.Tell(Finished.Instance);
        });
        Receive<Expect>(e =>
        {
            _remaining = e.Count;
            _waiter = Sender;
        });
    }

    /// <summary>The one-way message: a singleton, so the sender's loop allocates nothing but the envelope.</summary>
    public sealed record Tick
    {
        public static Tick Instance { get; } = new();
    }

    public sealed record Expect(long Count);

    public sealed record Finished
    {
        public static Finished Instance { get; } = new();
    }
}
