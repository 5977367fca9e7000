using Akka.Actor;

namespace Akka.Dispatch.SysMsg;

/// <summary>
/// A message of the runtime's own protocol (create, suspend, watch, failure, ...). System messages travel
/// in a separate mailbox queue that is always drained before ordinary messages.
/// </summary>
public interface ISystemMessage : INoSerializationVerificationNeeded
{
}
