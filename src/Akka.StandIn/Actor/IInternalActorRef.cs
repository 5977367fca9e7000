using Akka.Dispatch.SysMsg;

namespace Akka.Actor;

/// <summary>
/// The runtime's view of an actor reference: system messages, parent, stop. Implemented by every reference
/// the runtime creates; a wrapper (such as a test probe) implements it by delegating to the wrapped ref.
/// </summary>
public interface IInternalActorRef : IActorRef
{
    /// <summary>The supervisor of this actor.</summary>
    IInternalActorRef Parent { get; }

    /// <summary>True once the actor has terminated.</summary>
    bool IsTerminated { get; }

    /// <summary>Stops the actor asynchronously.</summary>
    void Stop();

    /// <summary>Enqueues a runtime-protocol message in the actor's system queue.</summary>
    void SendSystemMessage(ISystemMessage message);
}
