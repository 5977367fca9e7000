using Akka.Actor;

namespace Akka.Pattern;

/// <summary>Immutable backoff supervision options; every <c>With*</c> returns a copy.</summary>
public abstract class BackoffOptions
{
    private protected BackoffOptions()
    {
    }

    /// <summary>The count of restarts is zeroed when a child has run <paramref name="resetBackoff"/> without a restart (the default, with minBackoff).</summary>
    public abstract BackoffOptions WithAutoReset(TimeSpan resetBackoff);

    /// <summary>Only <see cref="BackoffSupervisor.Reset"/> zeroes the count of restarts.</summary>
    public abstract BackoffOptions WithManualReset();

    /// <summary>The strategy whose decider classifies the child's failures.</summary>
    public abstract BackoffOptions WithSupervisorStrategy(OneForOneStrategy supervisorStrategy);

    /// <summary>Failures stop the child (and, for OnStop, backoff then applies).</summary>
    public abstract BackoffOptions WithDefaultStoppingStrategy();

    /// <summary>Sent back to senders while there is no child (instead of dead letters).</summary>
    public abstract BackoffOptions WithReplyWhileStopped(object replyWhileStopped);

    /// <summary>Restarts allowed before the supervisor stops; -1 for unlimited.</summary>
    public abstract BackoffOptions WithMaxNrOfRetries(int maxNrOfRetries);

    /// <summary>After a forwarded message matching <paramref name="isFinalStopMessage"/>, the next child termination stops the supervisor.</summary>
    public abstract BackoffOptions WithFinalStopMessage(Func<object, bool> isFinalStopMessage);

    /// <summary>The props of the supervisor; internal as in Akka, so callers go through BackoffSupervisor.Props(options).</summary>
    /// <exception cref="ArgumentException">minBackoff ≤ 0, maxBackoff &lt; minBackoff, or randomFactor outside [0, 1].</exception>
    internal abstract Props Props { get; }
}
