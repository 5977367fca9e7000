using System.Collections.Concurrent;
using Akka.Actor;
using Akka.Actor.Internal;

namespace Akka.Event;

/// <summary>
/// The actor system's event stream. Subscriptions are classified by type assignability: a subscriber to a
/// base type or interface gets every event assignable to it, once, however many of its channels match.
/// Terminated subscribers are removed automatically.
/// </summary>
public class EventStream : LoggingBus
{
    private readonly object _lock = new();
    private volatile (IActorRef Subscriber, Type Channel)[] _subscriptions = Array.Empty<(IActorRef, Type)>();
    private volatile ConcurrentDictionary<Type, IActorRef[]> _byEventType = new();

    internal EventStream()
    {
    }

    /// <inheritdoc />
    /// <exception cref="ArgumentNullException">A null argument.</exception>
    public override bool Subscribe(IActorRef subscriber, Type channel)
    {
        ArgumentNullException.ThrowIfNull(subscriber);
        ArgumentNullException.ThrowIfNull(channel);
        lock (_lock)
        {
            if (_subscriptions.Any(s => s.Subscriber.Equals(subscriber) && s.Channel == channel))
                return false;
            Replace(_subscriptions.Append((subscriber, channel)).ToArray());
            return true;
        }
    }

    /// <inheritdoc />
    public override bool Unsubscribe(IActorRef subscriber, Type channel)
    {
        ArgumentNullException.ThrowIfNull(subscriber);
        ArgumentNullException.ThrowIfNull(channel);
        lock (_lock)
        {
            var kept = _subscriptions.Where(s => !(s.Subscriber.Equals(subscriber) && s.Channel == channel)).ToArray();
            if (kept.Length == _subscriptions.Length)
                return false;
            Replace(kept);
            return true;
        }
    }

    /// <inheritdoc />
    public override bool Unsubscribe(IActorRef subscriber)
    {
        ArgumentNullException.ThrowIfNull(subscriber);
        lock (_lock)
        {
            var kept = _subscriptions.Where(s => !s.Subscriber.Equals(subscriber)).ToArray();
            if (kept.Length == _subscriptions.Length)
                return false;
            Replace(kept);
            return true;
        }
    }

    /// <summary>Tells <paramref name="event"/> to every matching subscriber; the sender is the current actor, if any.</summary>
    public override void Publish(object @event)
    {
        ArgumentNullException.ThrowIfNull(@event);
        var cache = _byEventType;
        var subscribers = cache.GetOrAdd(@event.GetType(), Match);
        if (subscribers.Length == 0)
            return;
        var sender = ActorCell.Current?.Self;
        foreach (var subscriber in subscribers)
            subscriber.Tell(@event, sender);
    }

    private void Replace((IActorRef, Type)[] subscriptions)
    {
        _subscriptions = subscriptions;
        _byEventType = new ConcurrentDictionary<Type, IActorRef[]>();
    }

    private IActorRef[] Match(Type eventType) =>
        _subscriptions.Where(s => s.Channel.IsAssignableFrom(eventType)).Select(s => s.Subscriber).Distinct().ToArray();
}
