using Akka.Actor;

namespace Akka.StandIn.Tests.TestKit;

/// <summary>Replies every message to its sender.</summary>
public sealed class EchoActor : ReceiveActor
{
    public EchoActor()
    {
        ReceiveAny(message => Sender.Tell(message));
    }
}
