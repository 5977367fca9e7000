namespace Akka.Actor;

public abstract partial class ActorBase
{
    /// <summary>Runs after the constructor, before the first message. Default: nothing.</summary>
    protected virtual void PreStart()
    {
    }

    /// <summary>Runs after all children have terminated. Default: nothing. Should not throw.</summary>
    protected virtual void PostStop()
    {
    }

    /// <summary>
    /// Runs on the failed instance before a restart. Default: unwatch and stop every child, then <see cref="PostStop"/>.
    /// </summary>
    /// <param name="reason">The failure.</param>
    /// <param name="message">The message being processed when it failed (null if none); it is not retried.</param>
    protected virtual void PreRestart(Exception reason, object message)
    {
        var context = Context;
        foreach (var child in context.GetChildren())
        {
            context.Unwatch(child);
            context.Stop(child);
        }

        PostStop();
    }

    /// <summary>Runs on the new instance after a restart. Default: <see cref="PreStart"/>.</summary>
    protected virtual void PostRestart(Exception reason) => PreStart();

    /// <summary>Framework hook: calls <see cref="PreStart"/>.</summary>
    public virtual void AroundPreStart() => PreStart();

    /// <summary>Framework hook: cancels timers, then calls <see cref="PostStop"/>.</summary>
    public virtual void AroundPostStop()
    {
        (this as IWithTimers)?.Timers?.CancelAll();
        PostStop();
    }

    /// <summary>Framework hook: cancels timers, then calls <see cref="PreRestart"/>.</summary>
    public virtual void AroundPreRestart(Exception cause, object message)
    {
        (this as IWithTimers)?.Timers?.CancelAll();
        PreRestart(cause, message);
    }

    /// <summary>Framework hook: calls <see cref="PostRestart"/>.</summary>
    public virtual void AroundPostRestart(Exception cause, object message) => PostRestart(cause);
}
