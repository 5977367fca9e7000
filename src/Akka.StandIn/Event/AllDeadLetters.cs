using Akka.Actor;

namespace Akka.Event;

/// <summary>Base of the events about messages that were not delivered or not handled.</summary>
public abstract class AllDeadLetters : IWrappedMessage
{
    /// <summary>Creates the event.</summary>
    protected AllDeadLetters(object message, IActorRef sender, IActorRef recipient)
    {
        Message = message;
        Sender = sender;
        Recipient = recipient;
    }

    /// <summary>The message.</summary>
    public object Message { get; }

    /// <summary>Its sender.</summary>
    public IActorRef Sender { get; }

    /// <summary>Its intended recipient.</summary>
    public IActorRef Recipient { get; }

    /// <inheritdoc />
    public override string ToString() => $"{GetType().Name} from {Sender} to {Recipient}: <{Message}>";
}
