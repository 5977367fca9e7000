namespace Akka.Actor;

/// <summary>A reference to no actor; messages sent to it are silently dropped.</summary>
public sealed class Nobody : MinimalActorRef
{
    /// <summary>The single instance.</summary>
    public static readonly Nobody Instance = new();

    private static readonly ActorPath NobodyPath = new ChildActorPath(new RootActorPath(new Address("akka", "all-systems")), "Nobody", 0);

    private Nobody()
    {
    }

    /// <inheritdoc />
    public override ActorPath Path => NobodyPath;
}
