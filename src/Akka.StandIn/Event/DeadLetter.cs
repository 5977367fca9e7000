using Akka.Actor;

namespace Akka.Event;

/// <summary>A message sent to a dead (or non-existing) actor.</summary>
public sealed class DeadLetter : AllDeadLetters
{
    /// <summary>Creates the event.</summary>
    public DeadLetter(object message, IActorRef sender, IActorRef recipient)
        : base(message, sender, recipient)
    {
    }
}
