namespace Akka.Actor;

/// <summary>Faults the task of an <c>Ask</c> that got no reply in time.</summary>
public class AskTimeoutException : AkkaException
{
    /// <summary>Creates the exception.</summary>
    public AskTimeoutException(string message)
        : base(message)
    {
    }
}
