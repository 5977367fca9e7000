using Akka.Dispatch.SysMsg;

namespace Akka.Actor.Internal;

/// <summary>
/// The parent of the <c>/user</c> and <c>/system</c> guardians: a failing guardian is stopped, and a
/// guardian's termination drives the system's shutdown sequence.
/// </summary>
internal sealed class RootGuardianRef(ActorSystemImpl system, ActorPath path) : MinimalActorRef
{
    public override ActorPath Path { get; } = path;

    public override void SendSystemMessage(ISystemMessage message)
    {
        switch (message)
        {
            case Failed failed:
                ((IInternalActorRef)failed.Child).Stop();
                break;
            case DeathWatchNotification notification:
                system.GuardianTerminated(notification.Actor);
                break;
            default:
                base.SendSystemMessage(message);
                break;
        }
    }
}
