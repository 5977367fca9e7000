using Akka.Actor;

namespace Akka.Event;

/// <summary>An undeliverable message that implements <see cref="IDeadLetterSuppression"/>; not logged.</summary>
public sealed class SuppressedDeadLetter : AllDeadLetters
{
    /// <summary>Creates the event.</summary>
    public SuppressedDeadLetter(object message, IActorRef sender, IActorRef recipient)
        : base(message, sender, recipient)
    {
    }
}
