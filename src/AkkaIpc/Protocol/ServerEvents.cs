using Akka.Actor;
using AkkaIpc.Sockets;

namespace AkkaIpc;

/// <summary>
/// Event to a server's subscribers (sender: the server) when it accepted a peer. <paramref name="Connection"/> takes
/// the same commands as any socket (<see cref="Write"/>, <see cref="Flush"/>, <see cref="Close()"/>,
/// <see cref="Subscribe"/>, <see cref="GetStatus"/>). The server's subscribers are subscribed to it already: they get
/// its <see cref="Received"/>, <see cref="IpcError"/> and <see cref="Closed"/> events with <c>Sender</c> = the
/// connection.
/// </summary>
/// <param name="Connection">The connection's actor.</param>
/// <param name="Peer">The peer's process, user and group ids, or null when the OS does not say.</param>
public sealed record PeerConnected(IActorRef Connection, PeerCredentials? Peer);

/// <summary>
/// Event to a server's subscribers (sender: the server) when a connection ended; the connection's actor has stopped.
/// An accepted connection is never restarted: the peer connects again to get a new one.
/// </summary>
/// <param name="Connection">The connection's actor, now stopped.</param>
/// <param name="Code">102 when the peer went, 108 when it broke a limit, <see cref="IpcErrorCode.None"/> when the
/// connection was closed by a <see cref="Close()"/> command.</param>
public sealed record PeerDisconnected(IActorRef Connection, IpcErrorCode Code);
