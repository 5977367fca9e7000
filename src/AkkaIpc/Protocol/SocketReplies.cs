using Akka.Actor;
using AkkaIpc.Sockets;

namespace AkkaIpc;

/// <summary>
/// Reply to <see cref="Subscribe"/>, sent to the sender of the command. Not a command: sending it to a socket fails
/// nothing and is unhandled.
/// </summary>
/// <param name="Subscriber">The actor that is now subscribed.</param>
public sealed record Subscribed(IActorRef Subscriber);

/// <summary>Reply to <see cref="Unsubscribe"/>, sent to the sender of the command.</summary>
/// <param name="Subscriber">The actor that is no longer subscribed.</param>
public sealed record Unsubscribed(IActorRef Subscriber);

/// <summary>
/// Reply to a command that could not be carried out, sent to the command's sender. A <see cref="Write"/> that fails
/// gets this reply whether or not it asked for an ack, and never gets its ack as well.
/// </summary>
/// <param name="Command">The command that failed, as it was sent.</param>
/// <param name="Code">Why: 106 not connected (or restarting), 108 a limit would be exceeded, 102 the connection was lost.</param>
/// <param name="Message">A readable explanation naming the path and the cause.</param>
public sealed record CommandFailed(object Command, IpcErrorCode Code, string Message);

/// <summary>Reply to <see cref="GetStatus"/>: a snapshot of the socket's state.</summary>
/// <param name="Path">The socket file path.</param>
/// <param name="Role">What the socket does with the path.</param>
/// <param name="IsConnected">True while a peer is connected (for a server: while it is listening).</param>
/// <param name="BytesAvailable">Bytes received but not yet delivered (normally 0: the actor delivers at once).</param>
/// <param name="BytesLeftToSend">Bytes queued but not yet handed to the kernel.</param>
/// <param name="LastErrorCode">The last error the socket raised, or <see cref="IpcErrorCode.None"/>.</param>
/// <param name="Restarts">How many times the supervisor has restarted the socket so far.</param>
/// <param name="Peer">The connected peer's credentials, or null when not connected.</param>
/// <param name="IsListening">True while a listener's or server's socket file is bound and accepting peers.</param>
public sealed record SocketStatus(
    string Path,
    SocketRole Role,
    bool IsConnected,
    int BytesAvailable,
    int BytesLeftToSend,
    IpcErrorCode LastErrorCode,
    int Restarts,
    PeerCredentials? Peer,
    bool IsListening = false);
