namespace Akka.Dispatch;

/// <summary>
/// Requires an unbounded mailbox that can also take messages at its front (used by the stash).
/// Every stand-in mailbox has these semantics.
/// </summary>
public interface IUnboundedDequeBasedMessageQueueSemantics : ISemantics
{
}
