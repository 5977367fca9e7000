namespace Akka.Actor;

/// <summary>The actor system as seen by extensions and infrastructure.</summary>
public abstract class ExtendedActorSystem : ActorSystem
{
    /// <summary>The <c>/user</c> guardian.</summary>
    public abstract IActorRef Guardian { get; }

    /// <summary>The <c>/system</c> guardian.</summary>
    public abstract IActorRef SystemGuardian { get; }

    /// <summary>Creates an actor under <c>/system</c>; it outlives every <c>/user</c> actor during shutdown.</summary>
    /// <exception cref="InvalidActorNameException">The name is invalid or not unique.</exception>
    public abstract IActorRef SystemActorOf(Props props, string name = null);

    /// <summary>Creates an actor of type <typeparamref name="TActor"/> under <c>/system</c>.</summary>
    public abstract IActorRef SystemActorOf<TActor>(string name = null) where TActor : ActorBase, new();
}
