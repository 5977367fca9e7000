using Akka.Dispatch;

namespace Akka.Actor;

/// <summary>
/// An actor with an unbounded stash. Stashed messages survive a restart (the new instance sees them
/// first) and become dead letters when the actor stops.
/// </summary>
public interface IWithUnboundedStash : IActorStash, IWithUnrestrictedStash, IRequiresMessageQueue<IUnboundedDequeBasedMessageQueueSemantics>
{
}
