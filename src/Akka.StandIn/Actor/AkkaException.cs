namespace Akka.Actor;

/// <summary>Base class of the exceptions the actor runtime throws.</summary>
public abstract class AkkaException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What went wrong.</param>
    /// <param name="cause">The underlying exception, if any.</param>
    protected AkkaException(string message, Exception cause = null)
        : base(message, cause)
    {
    }
}
