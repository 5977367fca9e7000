using Akka.Actor;

namespace Akka.TestKit.Internal;

/// <summary>The envelope the test actor queues for each message it receives.</summary>
internal sealed class RealMessageEnvelope : MessageEnvelope
{
    internal RealMessageEnvelope(object message, IActorRef sender)
    {
        Message = message;
        Sender = sender;
    }

    public override object Message { get; }

    public override IActorRef Sender { get; }

    public override string ToString() => $"<{Message}> from {Sender}";
}
