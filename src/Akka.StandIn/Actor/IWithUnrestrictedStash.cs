namespace Akka.Actor;

/// <summary>An actor with a stash whose capacity is not limited by the mailbox.</summary>
public interface IWithUnrestrictedStash : IActorStash
{
}
