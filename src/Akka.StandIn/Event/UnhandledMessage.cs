using Akka.Actor;

namespace Akka.Event;

/// <summary>A message no behaviour of the recipient handled.</summary>
public sealed class UnhandledMessage : AllDeadLetters
{
    /// <summary>Creates the event.</summary>
    public UnhandledMessage(object message, IActorRef sender, IActorRef recipient)
        : base(message, sender, recipient)
    {
    }
}
