using Akka.Dispatch.SysMsg;

namespace Akka.Actor;

/// <summary>
/// A reference without an actor behind it: messages are dropped, and a watch is answered at once with
/// <see cref="Terminated"/> (existence not confirmed).
/// </summary>
public abstract class MinimalActorRef : ActorRefBase, IInternalActorRef
{
    /// <inheritdoc />
    public virtual IInternalActorRef Parent => ActorRefs.Nobody;

    /// <inheritdoc />
    public virtual bool IsTerminated => false;

    /// <inheritdoc />
    public virtual void Stop()
    {
    }

    /// <inheritdoc />
    public virtual void SendSystemMessage(ISystemMessage message)
    {
        if (message is Watch watch && !ReferenceEquals(watch.Watcher, this))
            watch.Watcher.SendSystemMessage(new DeathWatchNotification(this, existenceConfirmed: false));
    }

    /// <inheritdoc />
    protected override void TellInternal(object message, IActorRef sender)
    {
    }
}
