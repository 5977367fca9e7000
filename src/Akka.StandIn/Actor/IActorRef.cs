using Akka.Util;

namespace Akka.Actor;

/// <summary>
/// An immutable, thread-safe handle to an actor. Equality and hash use the path plus the incarnation uid.
/// </summary>
public interface IActorRef : ICanTell, ISurrogated, IComparable, IComparable<IActorRef>, IEquatable<IActorRef>
{
    /// <summary>The actor's path, including its uid.</summary>
    ActorPath Path { get; }
}
