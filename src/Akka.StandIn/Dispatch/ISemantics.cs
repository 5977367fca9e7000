namespace Akka.Dispatch;

/// <summary>Marker for the queue semantics an actor may require of its mailbox.</summary>
public interface ISemantics
{
}
