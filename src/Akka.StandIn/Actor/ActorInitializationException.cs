namespace Akka.Actor;

/// <summary>An actor failed while being created (constructor or <c>PreStart</c>); the default decider stops it.</summary>
public class ActorInitializationException : AkkaException
{
    /// <summary>Creates the exception.</summary>
    public ActorInitializationException()
        : base("Actor initialization failed")
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public ActorInitializationException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and a cause.</summary>
    public ActorInitializationException(string message, Exception cause)
        : base(message, cause)
    {
    }

    /// <summary>Creates the exception naming the actor that failed.</summary>
    /// <param name="actor">The actor that failed to initialize.</param>
    /// <param name="message">What went wrong.</param>
    /// <param name="cause">The exception thrown during creation.</param>
    public ActorInitializationException(IActorRef actor, string message, Exception cause = null)
        : base(message, cause)
    {
        Actor = actor;
    }

    /// <summary>The actor that failed, when known.</summary>
    public IActorRef Actor { get; set; }

    /// <inheritdoc />
    public override string ToString() => Actor is null ? base.ToString() : $"{Actor.Path}: {base.ToString()}";
}
