namespace Akka.Actor;

/// <summary>The actor's view of itself and the runtime. Only valid on the actor's own turn.</summary>
public interface IActorContext : IActorRefFactory, ICanWatch
{
    /// <summary>The actor's own reference.</summary>
    IActorRef Self { get; }

    /// <summary>The sender of the current message; the dead-letters ref when there is none.</summary>
    IActorRef Sender { get; }

    /// <summary>The supervisor.</summary>
    IActorRef Parent { get; }

    /// <summary>The actor system.</summary>
    ActorSystem System { get; }

    /// <summary>The props the actor was created from.</summary>
    Props Props { get; }

    /// <summary>The receive timeout, or null when off.</summary>
    TimeSpan? ReceiveTimeout { get; }

    /// <summary>The child named <paramref name="name"/>, or <see cref="Nobody"/>.</summary>
    IActorRef Child(string name);

    /// <summary>The current children.</summary>
    IEnumerable<IActorRef> GetChildren();

    /// <summary>Stops <paramref name="child"/> (any ref works, including Self) asynchronously.</summary>
    void Stop(IActorRef child);

    /// <summary>Replaces the current behaviour (never the initial one).</summary>
    void Become(Receive receive);

    /// <summary>Pushes a behaviour.</summary>
    void BecomeStacked(Receive receive);

    /// <summary>Pops a behaviour, unless only the initial one is left.</summary>
    void UnbecomeStacked();

    /// <summary>Sets the idle time after which <see cref="Akka.Actor.ReceiveTimeout"/> is sent; null turns it off.</summary>
    void SetReceiveTimeout(TimeSpan? timeout);
}
