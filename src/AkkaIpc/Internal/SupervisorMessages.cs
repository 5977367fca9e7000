using Akka.Event;
using AkkaIpc.Sockets;

namespace AkkaIpc.Internal;

// Timer and completion messages of the supervisor and the server.

/// <summary>Timer: the backoff delay is over; start a fresh socket actor.</summary>
internal sealed class StartSocket
{
    public static readonly StartSocket Instance = new();
}

/// <summary>Timer: the retry window that the last counted restart opened has passed.</summary>
internal sealed class RetryWindowPassed
{
    public static readonly RetryWindowPassed Instance = new();
}

/// <summary>Timer or self-message: accept the next peer.</summary>
internal sealed class AcceptNext
{
    public static readonly AcceptNext Instance = new();
}

/// <summary>AcceptAsync completed with a connected socket (not yet raising events).</summary>
internal sealed record AcceptCompleted(IpcSocket Socket);

/// <summary>AcceptAsync failed (also when the listener was stopped, which may race with the server stopping).</summary>
internal sealed record AcceptFailed(Exception Cause) : IDeadLetterSuppression;

/// <summary>From the listener's thread: accepting paused (true), the process being out of descriptors, or went on (false).</summary>
internal sealed record AcceptingPaused(bool Paused, string Message) : IDeadLetterSuppression;

/// <summary>
/// From the server to a new connection, after the server's subscribers were told PeerConnected: only now does the
/// connection start raising socket events, so no Received can overtake PeerConnected.
/// </summary>
internal sealed class StartReading
{
    public static readonly StartReading Instance = new();
}
