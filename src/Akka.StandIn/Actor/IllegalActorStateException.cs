namespace Akka.Actor;

/// <summary>Thrown when an actor is used in a way its state does not allow (e.g. stashing the same message twice).</summary>
public class IllegalActorStateException : AkkaException
{
    /// <summary>Creates the exception.</summary>
    public IllegalActorStateException(string message)
        : base(message)
    {
    }
}
