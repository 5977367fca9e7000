using Akka.Actor;

namespace Akka.StandIn.Tests.TestKit;

/// <summary>Throws <see cref="InvalidOperationException"/> on "crash", echoes anything else.</summary>
public sealed class CrashingActor : ReceiveActor
{
    public CrashingActor()
    {
        Receive<string>(s => s == "crash", _ => throw new InvalidOperationException("crashed on purpose"));
        ReceiveAny(message => Sender.Tell(message));
    }
}
