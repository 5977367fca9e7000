namespace Akka.Actor.Internal;

/// <summary>The <c>/user</c> and <c>/system</c> guardians: supervise top-level actors and ignore messages.</summary>
internal sealed class GuardianActor : ActorBase
{
    protected override bool Receive(object message) => true;
}
