namespace Akka.Actor;

/// <summary>An actor with a stash. The runtime assigns <see cref="Stash"/> after the constructor, before PreStart.</summary>
public interface IActorStash
{
    /// <summary>The stash; null inside the constructor.</summary>
    IStash Stash { get; set; }
}
