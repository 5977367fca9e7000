using Akka.Actor;

namespace Akka.TestKit;

/// <summary>A message taken from a test actor's queue, with the sender it arrived from.</summary>
public abstract class MessageEnvelope
{
    /// <summary>The message.</summary>
    public abstract object Message { get; }

    /// <summary>The sender of the message (the dead-letters reference when it was sent without one).</summary>
    public abstract IActorRef Sender { get; }
}
