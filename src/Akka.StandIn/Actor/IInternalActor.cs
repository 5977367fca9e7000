namespace Akka.Actor;

/// <summary>Gives the runtime access to an actor's context.</summary>
public interface IInternalActor
{
    /// <summary>The actor's context.</summary>
    IActorContext ActorContext { get; }
}
