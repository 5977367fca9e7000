using Akka.Dispatch.SysMsg;

namespace Akka.Actor.Internal;

/// <summary>The reference to an actor living in this process; the Tell path is lock-free.</summary>
internal sealed class LocalActorRef(ActorCell cell, ActorPath path) : ActorRefBase, IInternalActorRef
{
    public ActorCell Cell { get; } = cell;

    public override ActorPath Path { get; } = path;

    public IInternalActorRef Parent => Cell.Parent;

    public bool IsTerminated => Cell.IsTerminated;

    public void Stop() => Cell.SendSystemMessage(Terminate.Instance);

    public void SendSystemMessage(ISystemMessage message) => Cell.SendSystemMessage((SystemMessage)message);

    protected override void TellInternal(object message, IActorRef sender)
    {
        if (message is null)
            throw new ArgumentNullException(nameof(message), "Message must not be null");
        Cell.Post(message, sender);
    }
}
