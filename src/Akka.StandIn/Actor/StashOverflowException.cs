namespace Akka.Actor;

/// <summary>Thrown when a bounded stash is full.</summary>
public class StashOverflowException : AkkaException
{
    /// <summary>Creates the exception.</summary>
    public StashOverflowException(string message, Exception cause = null)
        : base(message, cause)
    {
    }
}
