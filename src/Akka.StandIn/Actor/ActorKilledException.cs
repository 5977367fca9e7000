namespace Akka.Actor;

/// <summary>Thrown inside an actor that received <see cref="Kill"/>; the default decider stops it.</summary>
public class ActorKilledException : AkkaException
{
    /// <summary>Creates the exception.</summary>
    public ActorKilledException()
        : base("Kill")
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public ActorKilledException(string message)
        : base(message)
    {
    }
}
