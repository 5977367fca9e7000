using Akka.Actor;

namespace Akka.Dispatch.SysMsg;

// The runtime's protocol between cells; a message family sharing one small file.

/// <summary>Base of the runtime's system messages.</summary>
internal abstract class SystemMessage : ISystemMessage
{
}

/// <summary>Creates the actor instance; the first system message of every cell.</summary>
internal sealed class Create : SystemMessage
{
    public static readonly Create Instance = new();
}

/// <summary>Supervisor decided Restart.</summary>
internal sealed class Recreate(Exception cause) : SystemMessage
{
    public Exception Cause { get; } = cause;
}

/// <summary>Stop processing user messages until <see cref="Resume"/>.</summary>
internal sealed class Suspend : SystemMessage
{
    public static readonly Suspend Instance = new();
}

/// <summary>Undo a <see cref="Suspend"/>; with a cause, the supervisor decided Resume after a failure.</summary>
internal sealed class Resume(Exception causedByFailure) : SystemMessage
{
    public Exception CausedByFailure { get; } = causedByFailure;
}

/// <summary>Stop the actor.</summary>
internal sealed class Terminate : SystemMessage
{
    public static readonly Terminate Instance = new();
}

/// <summary>Register <see cref="Watcher"/> as a watcher of <see cref="Watchee"/>; sent to the watchee.</summary>
internal sealed class Watch(IInternalActorRef watchee, IInternalActorRef watcher) : SystemMessage
{
    public IInternalActorRef Watchee { get; } = watchee;

    public IInternalActorRef Watcher { get; } = watcher;
}

/// <summary>Remove a watch registration; sent to the watchee.</summary>
internal sealed class Unwatch(IInternalActorRef watchee, IInternalActorRef watcher) : SystemMessage
{
    public IInternalActorRef Watchee { get; } = watchee;

    public IInternalActorRef Watcher { get; } = watcher;
}

/// <summary>Tells a watcher (or the parent) that <see cref="Actor"/> has terminated.</summary>
internal sealed class DeathWatchNotification(IActorRef actor, bool existenceConfirmed) : SystemMessage
{
    public IActorRef Actor { get; } = actor;

    public bool ExistenceConfirmed { get; } = existenceConfirmed;
}

/// <summary>A child failed and is suspended, waiting for the parent's directive.</summary>
internal sealed class Failed(IActorRef child, Exception cause, long uid) : SystemMessage
{
    public IActorRef Child { get; } = child;

    public Exception Cause { get; } = cause;

    public long Uid { get; } = uid;
}

/// <summary>Runs one step of an actor's async handler inside the actor (see the actor task scheduler).</summary>
internal sealed class RunTaskStep(Task task) : SystemMessage
{
    public Task Task { get; } = task;
}

/// <summary>An async handler has finished; resume the mailbox or fail.</summary>
internal sealed class AsyncHandlerCompleted(Exception failure, Envelope envelope, int incarnation) : SystemMessage
{
    public Exception Failure { get; } = failure;

    public Envelope Envelope { get; } = envelope;

    public int Incarnation { get; } = incarnation;
}
