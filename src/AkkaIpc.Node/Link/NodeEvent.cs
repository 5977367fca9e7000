namespace AkkaIpc.Node.Link;

/// <summary>
/// A message the node received from the actor layer: an event (<c>Connected</c>, <c>Received</c>, ...) or a
/// reply (an ack, <c>CommandFailed</c>), with the actor that sent it (the socket's supervisor, or one
/// connection of a server), so the node can answer that connection.
/// </summary>
internal sealed record NodeEvent(object Message, object? Source);
