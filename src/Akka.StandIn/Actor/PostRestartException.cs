namespace Akka.Actor;

/// <summary>The new instance failed in its constructor or <c>PostRestart</c>; the default decider stops the actor.</summary>
public class PostRestartException : ActorInitializationException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="actor">The restarting actor.</param>
    /// <param name="cause">What the constructor or <c>PostRestart</c> threw.</param>
    /// <param name="originalCause">The failure that caused the restart.</param>
    public PostRestartException(IActorRef actor, Exception cause, Exception originalCause)
        : base(actor, "Exception post restart (" + (originalCause?.GetType().ToString() ?? "null") + ")", cause)
    {
        OriginalCause = originalCause;
    }

    /// <summary>The failure that caused the restart.</summary>
    public Exception OriginalCause { get; }
}
