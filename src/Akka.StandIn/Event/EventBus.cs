namespace Akka.Event;

/// <summary>A publish/subscribe bus.</summary>
/// <typeparam name="TEvent">Event type.</typeparam>
/// <typeparam name="TClassifier">What subscribers subscribe to.</typeparam>
/// <typeparam name="TSubscriber">Subscriber type.</typeparam>
public abstract class EventBus<TEvent, TClassifier, TSubscriber>
{
    /// <summary>Subscribes; returns true if the subscription is new.</summary>
    public abstract bool Subscribe(TSubscriber subscriber, TClassifier classifier);

    /// <summary>Removes one subscription; returns true if it existed.</summary>
    public abstract bool Unsubscribe(TSubscriber subscriber, TClassifier classifier);

    /// <summary>Removes all of <paramref name="subscriber"/>'s subscriptions.</summary>
    public abstract bool Unsubscribe(TSubscriber subscriber);

    /// <summary>Delivers <paramref name="event"/> to every matching subscriber.</summary>
    public abstract void Publish(TEvent @event);
}
