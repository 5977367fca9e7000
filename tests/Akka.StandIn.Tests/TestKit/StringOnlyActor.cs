using Akka.Actor;

namespace Akka.StandIn.Tests.TestKit;

/// <summary>Echoes strings; anything else is unhandled.</summary>
public sealed class StringOnlyActor : ReceiveActor
{
    public StringOnlyActor()
    {
        Receive<string>(s => Sender.Tell(s));
    }
}
