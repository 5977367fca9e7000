namespace Akka.Dispatch;

/// <summary>Declares that an actor needs a mailbox with the semantics <typeparamref name="T"/>.</summary>
/// <typeparam name="T">The required queue semantics.</typeparam>
public interface IRequiresMessageQueue<T> where T : ISemantics
{
}
