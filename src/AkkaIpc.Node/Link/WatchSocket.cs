using Akka.Actor;

namespace AkkaIpc.Node.Link;

/// <summary>
/// Tells the <see cref="EventQueueActor"/> to death-watch the socket's ref, so the command loop learns
/// (through <see cref="Terminated"/>) when the socket's actor is gone and never waits for a reply that
/// cannot come.
/// </summary>
internal sealed record WatchSocket(IActorRef Socket);
