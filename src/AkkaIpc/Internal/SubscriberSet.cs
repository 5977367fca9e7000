using Akka.Actor;

namespace AkkaIpc.Internal;

/// <summary>
/// The actors a socket's events go to, held by the one actor that owns them (a socket actor, a supervisor or a
/// server). Members are death-watched by that actor while they belong, and every event is told to each member
/// once, in the order they subscribed. Not thread-safe: only the owning actor touches it.
/// </summary>
internal sealed class SubscriberSet
{
    private readonly List<IActorRef> _members = [];

    /// <summary>The members, in subscription order (a snapshot is taken by whoever copies it).</summary>
    public IReadOnlyList<IActorRef> Members => _members;

    public bool Contains(IActorRef actor) => _members.Contains(actor);

    /// <summary>Adds a member without watching it yet: for constructors, where <see cref="WatchAll"/> follows in PreStart.</summary>
    public void Seed(IActorRef? subscriber)
    {
        if (subscriber is not null && !subscriber.IsNobody() && !_members.Contains(subscriber))
            _members.Add(subscriber);
    }

    public void WatchAll(IActorContext context)
    {
        foreach (var member in _members)
            context.Watch(member);
    }

    /// <returns>True if <paramref name="subscriber"/> was not a member before.</returns>
    public bool Add(IActorRef subscriber, IActorContext context)
    {
        if (_members.Contains(subscriber))
            return false;
        _members.Add(subscriber);
        context.Watch(subscriber);
        return true;
    }

    /// <returns>True if <paramref name="subscriber"/> was a member.</returns>
    public bool Remove(IActorRef subscriber, IActorContext context)
    {
        if (!_members.Remove(subscriber))
            return false;
        context.Unwatch(subscriber);
        return true;
    }

    /// <summary>Forgets a member that stopped (its watch has ended with the Terminated).</summary>
    /// <returns>True if <paramref name="stopped"/> was a member.</returns>
    public bool Forget(IActorRef stopped) => _members.Remove(stopped);

    public void Publish(object message, IActorRef sender)
    {
        foreach (var member in _members)
            member.Tell(message, sender);
    }
}
