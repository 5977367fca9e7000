using Akka.Event;

namespace Akka.Actor;

/// <summary>
/// Delivered to a watcher (sender = the dead actor) when an actor it watches has terminated. Delivered at
/// most once per watch; an actor that does not handle it fails with <see cref="DeathPactException"/>.
/// </summary>
public sealed class Terminated : IAutoReceivedMessage, IPossiblyHarmful, IDeadLetterSuppression, IEquatable<Terminated>
{
    /// <summary>Creates the notification.</summary>
    /// <param name="actorRef">The actor that terminated.</param>
    /// <param name="existenceConfirmed">False when the actor was already gone (or never existed) when watched.</param>
    /// <param name="addressTerminated">True when caused by a lost remote address; always false locally.</param>
    public Terminated(IActorRef actorRef, bool existenceConfirmed, bool addressTerminated)
    {
        ActorRef = actorRef;
        ExistenceConfirmed = existenceConfirmed;
        AddressTerminated = addressTerminated;
    }

    /// <summary>The actor that terminated.</summary>
    public IActorRef ActorRef { get; }

    /// <summary>False when the watched actor was already dead or never existed.</summary>
    public bool ExistenceConfirmed { get; }

    /// <summary>Always false for the local stand-in.</summary>
    public bool AddressTerminated { get; }

    /// <inheritdoc />
    public bool Equals(Terminated other) =>
        other is not null && Equals(ActorRef, other.ActorRef) && ExistenceConfirmed == other.ExistenceConfirmed
        && AddressTerminated == other.AddressTerminated;

    /// <inheritdoc />
    public override bool Equals(object obj) => obj is Terminated t && Equals(t);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(ActorRef, ExistenceConfirmed, AddressTerminated);

    /// <inheritdoc />
    public override string ToString() =>
        $"<Terminated>: {ActorRef} - ExistenceConfirmed={ExistenceConfirmed}";
}
