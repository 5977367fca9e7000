namespace Akka.Actor;

/// <summary>Well-known references.</summary>
public static class ActorRefs
{
    /// <summary>The reference to no actor; messages to it are dropped.</summary>
    public static readonly Nobody Nobody = Nobody.Instance;

    /// <summary>"No sender": null. A receiver sees the dead-letters reference as its sender.</summary>
    public static readonly IActorRef NoSender = null;
}
