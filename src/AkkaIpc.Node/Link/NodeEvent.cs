using Akka.Actor;

namespace AkkaIpc.Node.Link;

/// <summary>
/// A message for the node's command loop: an event or reply from the actor layer (<c>Connected</c>,
/// <c>Received</c>, an ack, <c>CommandFailed</c>, ...) with the actor that sent it (the socket's supervisor,
/// or one connection of a server, so the node can answer that connection), or a local event such as a
/// stdin line (no source).
/// </summary>
internal sealed record NodeEvent(object Message, IActorRef? Source);
