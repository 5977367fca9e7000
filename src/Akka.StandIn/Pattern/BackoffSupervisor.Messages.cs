using Akka.Actor;

namespace Akka.Pattern;

public sealed partial class BackoffSupervisor
{
    /// <summary>Ask the supervisor for its current child; it replies <see cref="CurrentChild"/>.</summary>
    public sealed class GetCurrentChild
    {
        private GetCurrentChild()
        {
        }

        /// <summary>The single instance.</summary>
        public static readonly GetCurrentChild Instance = new();
    }

    /// <summary>Reply to <see cref="GetCurrentChild"/>.</summary>
    public sealed class CurrentChild
    {
        /// <summary>Creates the reply.</summary>
        public CurrentChild(IActorRef @ref) => Ref = @ref;

        /// <summary>The child; null while there is none (waiting for the backoff delay).</summary>
        public IActorRef Ref { get; }
    }

    /// <summary>Zeroes the restart count (manual reset only; unhandled under auto reset).</summary>
    public sealed class Reset
    {
        private Reset()
        {
        }

        /// <summary>The single instance.</summary>
        public static readonly Reset Instance = new();
    }

    /// <summary>Ask the supervisor for its restart count; it replies <see cref="RestartCount"/>.</summary>
    public sealed class GetRestartCount
    {
        private GetRestartCount()
        {
        }

        /// <summary>The single instance.</summary>
        public static readonly GetRestartCount Instance = new();
    }

    /// <summary>Reply to <see cref="GetRestartCount"/>.</summary>
    public sealed class RestartCount
    {
        /// <summary>Creates the reply.</summary>
        public RestartCount(int count) => Count = count;

        /// <summary>Restarts since the last reset.</summary>
        public int Count { get; }
    }

    /// <summary>Internal: the backoff delay is over; start the child.</summary>
    internal sealed class StartChild
    {
        public static readonly StartChild Instance = new();
    }

    /// <summary>Internal: zero the count if it is still <see cref="Current"/>.</summary>
    internal sealed class ResetRestartCount(int current)
    {
        public int Current { get; } = current;
    }
}
