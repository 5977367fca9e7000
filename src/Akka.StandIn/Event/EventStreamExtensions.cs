using Akka.Actor;

namespace Akka.Event;

/// <summary>Typed subscription helpers.</summary>
public static class EventStreamExtensions
{
    /// <summary>Subscribes <paramref name="subscriber"/> to events assignable to <typeparamref name="TChannel"/>.</summary>
    public static bool Subscribe<TChannel>(this EventStream eventStream, IActorRef subscriber) =>
        eventStream.Subscribe(subscriber, typeof(TChannel));

    /// <summary>Removes the subscription to <typeparamref name="TChannel"/>.</summary>
    public static bool Unsubscribe<TChannel>(this EventStream eventStream, IActorRef subscriber) =>
        eventStream.Unsubscribe(subscriber, typeof(TChannel));
}
