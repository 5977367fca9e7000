namespace Akka.Actor;

/// <summary>Death watch.</summary>
public interface ICanWatch
{
    /// <summary>Watches <paramref name="subject"/>: <see cref="Terminated"/> arrives once when it terminates (at once if it is already gone).</summary>
    IActorRef Watch(IActorRef subject);

    /// <summary>Like <see cref="Watch"/>, but delivers <paramref name="message"/> instead of <see cref="Terminated"/>.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="message"/> is null.</exception>
    IActorRef WatchWith(IActorRef subject, object message);

    /// <summary>Stops watching; a <see cref="Terminated"/> already queued for <paramref name="subject"/> is discarded.</summary>
    IActorRef Unwatch(IActorRef subject);
}
