using Akka.Event;

namespace Akka.Actor.Internal;

/// <summary>
/// Carries a <c>WatchWith</c> message through the mailbox so that <c>Unwatch</c> can still cancel it; the
/// actor sees only <see cref="Message"/>.
/// </summary>
internal sealed class WatchWithMessage(IActorRef actor, object message) : IAutoReceivedMessage, IDeadLetterSuppression
{
    public IActorRef Actor { get; } = actor;

    public object Message { get; } = message;
}
