using Akka.Actor;

namespace AkkaIpc.Benchmarks.Runtime;

/// <summary>Returns every <see cref="Pinger.Ball"/> to its sender.</summary>
internal sealed class Ponger : ReceiveActor
{
    public Ponger() => Receive<Pinger.Ball>(b => Sender.Tell(b, Self));
}
