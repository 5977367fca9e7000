using Akka.Actor;

namespace Akka.StandIn.Tests.TestKit;

/// <summary>Replies to each message with the sender it saw.</summary>
public sealed class SenderReportingActor : ReceiveActor
{
    public SenderReportingActor()
    {
        ReceiveAny(_ => Sender.Tell(Sender));
    }
}
