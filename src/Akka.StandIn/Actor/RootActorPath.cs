namespace Akka.Actor;

/// <summary>The root of an actor system's path tree, e.g. <c>akka://sys/</c>.</summary>
internal sealed class RootActorPath : ActorPath
{
    public RootActorPath(Address address, string name = "")
        : base(address, name, 0)
    {
    }

    public override ActorPath Parent => this;

    public override ActorPath Root => this;

    public override int Depth => 0;

    internal override ActorPath WithUid(long uid) => this;
}
