using System.Diagnostics;
using Akka.Actor;

namespace AkkaIpc.Benchmarks.Runtime;

/// <summary>
/// Plays <see cref="Ball"/> with a <see cref="Ponger"/> and times each round trip inside the actor;
/// after <see cref="Play"/>(n, ponger) it answers the asker with the filled <see cref="LatencyRecorder"/>.
/// </summary>
internal sealed class Pinger : ReceiveActor
{
    private LatencyRecorder _recorder = new(1);
    private IActorRef _waiter = ActorRefs.Nobody;
    private IActorRef _ponger = ActorRefs.Nobody;
    private int _remaining;
    private long _sentAt;

    public Pinger()
    {
        Receive<Ball>(_ =>
        {
            _recorder.Record(Stopwatch.GetTimestamp() - _sentAt);
            if (--_remaining == 0)
            {
                _waiter.Tell(new Played(_recorder));
                return;
            }

            _sentAt = Stopwatch.GetTimestamp();
            _ponger.Tell(Ball.Instance, Self);
        });
        Receive<Play>(p =>
        {
            _recorder = new LatencyRecorder(p.Count);
            _remaining = p.Count;
            _waiter = Sender;
            _ponger = p.Ponger;
            _sentAt = Stopwatch.GetTimestamp();
            _ponger.Tell(Ball.Instance, Self);
        });
    }

    public sealed record Ball
    {
        public static Ball Instance { get; } = new();
    }

    public sealed record Play(int Count, IActorRef Ponger);

    /// <summary>The result; the recorder is handed over whole and not touched by the actor again.</summary>
    public sealed record Played(LatencyRecorder Recorder);
}
