using Akka.Actor.Internal;

namespace Akka.Actor;

/// <summary>An actor with a single <see cref="OnReceive"/> method that sees every message.</summary>
public abstract class UntypedActor : ActorBase
{
    /// <summary>The context of the running actor.</summary>
    protected static new IUntypedActorContext Context => (IUntypedActorContext)ActorBase.Context;

    /// <summary>Calls <see cref="OnReceive"/>; every message counts as handled.</summary>
    protected sealed override bool Receive(object message)
    {
        OnReceive(message);
        return true;
    }

    /// <summary>Handles a message; call <c>Unhandled(message)</c> for messages it does not understand.</summary>
    protected abstract void OnReceive(object message);

    /// <summary>Replaces the current behaviour.</summary>
    protected void Become(UntypedReceive receive) => Context.Become(receive);

    /// <summary>Pushes a behaviour.</summary>
    protected void BecomeStacked(UntypedReceive receive) => Context.BecomeStacked(receive);

    /// <summary>Runs <paramref name="action"/> inside the actor, holding back other messages until it finishes.</summary>
    protected void RunTask(Action action)
    {
        ArgumentNullException.ThrowIfNull(action);
        RunTask(() =>
        {
            action();
            return Task.CompletedTask;
        });
    }

    /// <summary>
    /// Runs the async <paramref name="action"/> inside the actor: no other user message is processed until its task
    /// completes, and <c>Context</c>/<c>Self</c>/<c>Sender</c> stay valid after <c>await</c>. A fault fails the actor.
    /// </summary>
    protected void RunTask(Func<Task> action) =>
        (ActorCell.Current ?? throw new NotSupportedException("RunTask must be called from within the actor")).RunTask(action);
}
