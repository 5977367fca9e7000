using Akka.Actor;

namespace AkkaIpc.Benchmarks.Runtime;

/// <summary>Tells <see cref="TellReceiver.Tick"/> to a target as fast as one actor can, in one handler.</summary>
internal sealed class TellSender : ReceiveActor
{
    public TellSender()
    {
        Receive<Burst>(b =>
        {
            var tick = TellReceiver.Tick.Instance;
            for (var i = 0L; i < b.Count; i++)
                b.Target.Tell(tick, Self);
        });
    }

    public sealed record Burst(long Count, IActorRef Target);
}
