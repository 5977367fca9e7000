namespace Akka.Actor;

/// <summary>Logged when <c>PreRestart</c> throws; the restart continues regardless.</summary>
public class PreRestartException : ActorInitializationException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="actor">The restarting actor.</param>
    /// <param name="restartException">What <c>PreRestart</c> threw.</param>
    /// <param name="cause">The failure that caused the restart.</param>
    /// <param name="optionalMessage">The message being processed when the actor failed.</param>
    public PreRestartException(IActorRef actor, Exception restartException, Exception cause, object optionalMessage)
        : base(actor, "Exception pre restart (" + (restartException?.GetType().ToString() ?? "null") + ")", restartException)
    {
        OriginalCause = cause;
        OptionalMessage = optionalMessage;
    }

    /// <summary>The failure that caused the restart.</summary>
    internal Exception OriginalCause { get; }

    /// <summary>The message being processed when the actor failed.</summary>
    internal object OptionalMessage { get; }
}
