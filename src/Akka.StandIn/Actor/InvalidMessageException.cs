namespace Akka.Actor;

/// <summary>Thrown when a message cannot be sent, e.g. because it is null.</summary>
public class InvalidMessageException : AkkaException
{
    /// <summary>Creates the exception.</summary>
    public InvalidMessageException()
        : base("Message is null")
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public InvalidMessageException(string message)
        : base(message)
    {
    }
}
