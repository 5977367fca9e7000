namespace Akka.Actor.Internal;

/// <summary>The actor behind <see cref="Props.Empty"/>: accepts and ignores everything.</summary>
internal sealed class EmptyActor : ActorBase
{
    protected override bool Receive(object message) => true;
}
