namespace Akka.Actor;

/// <summary>Thrown when an actor does not handle the <see cref="Terminated"/> of an actor it watches; the default decider stops it.</summary>
public class DeathPactException : AkkaException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="deadActor">The watched actor that terminated.</param>
    public DeathPactException(IActorRef deadActor)
        : base($"Monitored actor [{deadActor}] terminated")
    {
        DeadActor = deadActor;
    }

    /// <summary>The watched actor that terminated.</summary>
    public IActorRef DeadActor { get; }
}
