using Akka.Actor.Internal;
using Akka.Event;

namespace Akka.Actor;

/// <summary>
/// Base of every actor. Instances are created only by the runtime (through <see cref="Props"/>); the
/// constructor binds the instance to its cell, so <see cref="Context"/>, <see cref="Self"/> and
/// <see cref="IWithTimers.Timers"/> are usable in derived constructors.
/// </summary>
public abstract partial class ActorBase : IInternalActor
{
    private readonly ActorCell _cell;

    /// <summary>Binds the new instance to the actor cell that is creating it.</summary>
    /// <exception cref="ActorInitializationException">The actor is created with <c>new</c> instead of through <c>ActorOf</c>.</exception>
    protected ActorBase()
    {
        _cell = ActorCell.TakeCreatingCell()
            ?? throw new ActorInitializationException(
                "Do not create actors using 'new', always create them using an ActorContext/System");
        _cell.InitBehavior(this);
        if (this is IWithTimers withTimers)
            withTimers.Timers = new ActorTimers(_cell);
    }

    /// <summary>The context of the actor whose turn is running on this thread.</summary>
    /// <exception cref="NotSupportedException">Used outside the actor's turn (another thread, a timer callback, a non-actor await).</exception>
    protected static IActorContext Context =>
        ActorCell.Current ?? throw new NotSupportedException(
            "There is no active ActorContext, this is most likely due to use of async operations from within this actor.");

    // Akka reads Self through the thread's current context, so using it off the actor's turn (a timer callback,
    // a socket event, a plain task continuation) throws; only an instance already cleared by a stop or restart
    // falls back to the reference it had.

    /// <summary>The actor's own reference; capture it in a local before handing work to another thread.</summary>
    /// <exception cref="NotSupportedException">Read outside the actor's turn while the instance is live.</exception>
    protected IActorRef Self => ReferenceEquals(_cell.Actor, this) ? Context.Self : _cell.Self;

    /// <summary>The sender of the current message; the dead-letters ref when it was sent without one.</summary>
    protected IActorRef Sender => Context.Sender;

    /// <summary>A behaviour that handles nothing.</summary>
    protected static Receive EmptyReceive { get; } = _ => false;

    IActorContext IInternalActor.ActorContext => _cell;

    /// <summary>The actor's initial behaviour; returns false for messages it does not handle.</summary>
    protected abstract bool Receive(object message);

    /// <summary>
    /// Called for messages no behaviour handled. The default turns an unhandled <see cref="Terminated"/>
    /// into <see cref="DeathPactException"/> and publishes anything else as <see cref="UnhandledMessage"/>.
    /// </summary>
    protected virtual void Unhandled(object message)
    {
        if (message is Terminated terminated)
            throw new DeathPactException(terminated.ActorRef);
        var system = _cell.System;
        system.EventStream.Publish(new UnhandledMessage(message, _cell.Sender, _cell.Self));
        if (system.Settings.DebugUnhandledMessage && system.EventStream.LogLevel <= LogLevel.DebugLevel)
            system.EventStream.Publish(new Debug(_cell.Self.Path.ToString(), GetType(), $"Unhandled message from {_cell.Sender}: {message}"));
    }

    /// <summary>The strategy for this actor's children; default <see cref="Akka.Actor.SupervisorStrategy.DefaultStrategy"/>.</summary>
    protected virtual SupervisorStrategy SupervisorStrategy() => Akka.Actor.SupervisorStrategy.DefaultStrategy;

    /// <summary>Replaces the current behaviour (the initial one is never popped).</summary>
    protected void Become(Receive receive) => Context.Become(receive);

    /// <summary>Pushes a behaviour.</summary>
    protected void BecomeStacked(Receive receive) => Context.BecomeStacked(receive);

    /// <summary>Pops the current behaviour unless only the initial one is left.</summary>
    protected void UnbecomeStacked() => Context.UnbecomeStacked();

    /// <summary>Sets (or with null, clears) the receive timeout.</summary>
    protected void SetReceiveTimeout(TimeSpan? timeout) => Context.SetReceiveTimeout(timeout);

    /// <summary>Hook around every message; calls <paramref name="receive"/>.</summary>
    protected internal virtual bool AroundReceive(Receive receive, object message) => receive(message);

    internal bool ReceiveInternal(object message) => Receive(message);

    internal void UnhandledInternal(object message) => Unhandled(message);

    internal SupervisorStrategy SupervisorStrategyInternal() => SupervisorStrategy();

    /// <summary>Called once the derived constructor has finished.</summary>
    internal virtual void Constructed()
    {
    }
}
