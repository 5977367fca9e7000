using Akka.Event;

namespace Akka.Actor.Internal;

/// <summary>
/// <c>/deadLetters</c>: publishes everything sent to it as <see cref="DeadLetter"/> (or
/// <see cref="SuppressedDeadLetter"/>) on the event stream.
/// </summary>
internal sealed class DeadLetterActorRef(ActorSystemImpl system, ActorPath path) : MinimalActorRef
{
    public override ActorPath Path { get; } = path;

    protected override void TellInternal(object message, IActorRef sender)
    {
        ArgumentNullException.ThrowIfNull(message);
        system.PublishDeadLetter(message, sender, this);
    }
}
