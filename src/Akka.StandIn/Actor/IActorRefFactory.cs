namespace Akka.Actor;

/// <summary>Something that can create actors: the actor system (top-level actors) or a context (children).</summary>
public interface IActorRefFactory
{
    /// <summary>Creates an actor and returns at once; construction happens later on the dispatcher.</summary>
    /// <param name="props">The recipe for the actor.</param>
    /// <param name="name">The name, or null for a generated <c>$</c>-name.</param>
    /// <exception cref="InvalidActorNameException">The name is invalid, reserved, or not unique among live siblings.</exception>
    IActorRef ActorOf(Props props, string name = null);
}
