namespace Akka.Actor;

/// <summary>Thrown by <c>ActorOf</c> for an invalid, reserved (<c>$</c>-prefixed) or non-unique actor name.</summary>
public class InvalidActorNameException : AkkaException
{
    /// <summary>Creates the exception.</summary>
    public InvalidActorNameException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a cause.</summary>
    public InvalidActorNameException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
