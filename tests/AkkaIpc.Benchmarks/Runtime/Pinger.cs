using System.Diagnostics;
using Akka.Actor;

namespace AkkaIpc.Benchmarks.Runtime;

/// <summary>
/// Plays <see cref="Ball"/> with a <see cref="Ponger"/> and times each round trip inside the actor;
/// after <see cref="Play"/>(n, ponger, recorder) it answers the asker with <see cref="Played"/> once n are recorded.
/// </summary>
internal sealed class Pinger : ReceiveActor
{
    private LatencyRecorder? _recorder;
    private IActorRef _waiter = ActorRefs.Nobody;
    private IActorRef _ponger = ActorRefs.Nobody;
    private int _remaining;
    private long _sentAt;

    public Pinger()
    {
        Receive<Ball>(_ =>
        {
            _recorder!.Record(Stopwatch.GetTimestamp() - _sentAt);
            if (--_remaining == 0)
            {
                _waiter.Tell(Played.Instance);
                return;
            }

            _sentAt = Stopwatch.GetTimestamp();
            _ponger.Tell(Ball.Instance, Self);
        });
        Receive<Play>(p =>
        {
            _recorder = p.Recorder;
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

    /// <summary>
    /// Play <paramref name="Count"/> round trips into <paramref name="Recorder"/>. The recorder is mutable, which
    /// messages normally must not be: the benchmark does not touch it until <see cref="Played"/> comes back.
    /// </summary>
    public sealed record Play(int Count, IActorRef Ponger, LatencyRecorder Recorder);

    public sealed record Played
    {
        public static Played Instance { get; } = new();
    }
}
