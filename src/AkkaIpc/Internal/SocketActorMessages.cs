using Akka.Actor;
using Akka.Event;
using AkkaIpc.Sockets;

namespace AkkaIpc.Internal;

// Messages between the socket, its actor and the actor's parent. Socket events are raised on the socket's own
// thread; these messages carry them into the actor, where alone the socket may be touched. The notifications are
// IDeadLetterSuppression: one that races with the actor's stop is expected and not worth a dead-letter log line.

/// <summary>The socket raised Connected, or ConnectAsync completed (whichever comes first wins).</summary>
internal sealed class ConnectCompleted : IDeadLetterSuppression
{
    public static readonly ConnectCompleted Instance = new();
}

/// <summary>ConnectAsync failed (usually 103 while nothing listens).</summary>
internal sealed record ConnectFailed(Exception Cause) : IDeadLetterSuppression;

/// <summary>The peer announced a frame larger than max-frame-size; nothing of it was delivered.</summary>
internal sealed record FrameRejected(long Length) : IDeadLetterSuppression;

/// <summary>The socket raised SendProgress (to the output's owner); coalesced, so at most one waits in the mailbox.</summary>
internal sealed class SendProgressed : IDeadLetterSuppression
{
    public static readonly SendProgressed Instance = new();
}

/// <summary>The socket raised Error.</summary>
internal sealed record SocketFaulted(IpcSocketException Exception) : IDeadLetterSuppression;

/// <summary>Opening the socket in PreStart failed; handled as a message so the state change happens in Receive.</summary>
internal sealed record OpenFailed(IpcErrorCode Code, string Message);

/// <summary>
/// A Close waited for the queued bytes: they reached the kernel, or close-timeout passed, or the link failed. From a
/// supervisor to its socket actor: its output is done (acks answered), the socket may close.
/// </summary>
internal sealed class DrainCompleted : IDeadLetterSuppression
{
    public static readonly DrainCompleted Instance = new();
}

/// <summary>
/// Report to the parent: the socket actor is connected (a supervisor resets its backoff). A supervisor takes over
/// <paramref name="Output"/> and handles the writes from now on; the socket actor never touches it.
/// </summary>
internal sealed record SocketActorConnected(PeerCredentials? Peer, SocketOutput Output);

/// <summary>Report to the parent: the listener's socket file is bound and accepting.</summary>
internal sealed class SocketActorListening
{
    public static readonly SocketActorListening Instance = new();
}

/// <summary>Report to the parent: the socket is down for this incarnation; the parent stops the actor.</summary>
internal sealed record SocketActorFailed(IpcErrorCode Code, string Message);

/// <summary>Report to the parent: the socket was closed by a Close command; the parent stops the actor and itself.</summary>
internal sealed class SocketActorClosed
{
    public static readonly SocketActorClosed Instance = new();
}

/// <summary>From the parent: add a subscriber without replying (subscriptions a supervisor or server holds).</summary>
internal sealed record AddSubscriber(IActorRef Subscriber);

/// <summary>From the parent: remove a subscriber; answered with <see cref="SubscriberRemoved"/>.</summary>
internal sealed record RemoveSubscriber(IActorRef Subscriber);

/// <summary>Reply to <see cref="RemoveSubscriber"/>: nothing more is delivered to <paramref name="Subscriber"/>.</summary>
internal sealed record SubscriberRemoved(IActorRef Subscriber);

/// <summary>Diagnostics (used by the tests): asks a socket, supervisor or server for its current subscribers.</summary>
internal sealed class GetSubscribers
{
    public static readonly GetSubscribers Instance = new();
}

/// <summary>Reply to <see cref="GetSubscribers"/>: the actors that events are delivered to right now.</summary>
internal sealed record SubscriberList(IReadOnlyList<IActorRef> Subscribers);

/// <summary>From an <see cref="IpcFaultInjector"/>: fail the socket with <paramref name="Code"/> as if it had raised it.</summary>
internal sealed record InjectedFault(IpcErrorCode Code, string? Reason) : IDeadLetterSuppression
{
    public string Message(string path) => $"{(int)Code}: injected fault: {Reason ?? "raised by an IpcFaultInjector"} ({path})";
}
