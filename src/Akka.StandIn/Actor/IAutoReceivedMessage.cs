namespace Akka.Actor;

/// <summary>Marks messages that the actor cell handles itself before (or instead of) the actor's receive.</summary>
public interface IAutoReceivedMessage
{
}
