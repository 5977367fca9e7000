using Akka.Actor;

namespace Akka.Pattern;

/// <summary>
/// Backoff supervisor of the OnStop flavour: any termination of the child schedules a new child after
/// <c>min(max, min·2^n)·(1+U·randomFactor)</c>, until the retries are used up. Child exceptions are
/// handled by the plain strategy (default: immediate restart in place).
/// </summary>
public sealed partial class BackoffSupervisor : BackoffSupervisorBase
{
    internal BackoffSupervisor(BackoffOptionsImpl options)
        : base(options)
    {
    }

    /// <summary>The props of a supervisor described by <paramref name="options"/>.</summary>
    /// <exception cref="ArgumentException">Invalid backoff values.</exception>
    public static Props Props(BackoffOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.Props;
    }

    /// <summary>OnStop supervisor props with unlimited retries.</summary>
    public static Props Props(Props childProps, string childName, TimeSpan minBackoff, TimeSpan maxBackoff, double randomFactor) =>
        Props(childProps, childName, minBackoff, maxBackoff, randomFactor, -1);

    /// <summary>OnStop supervisor props.</summary>
    public static Props Props(Props childProps, string childName, TimeSpan minBackoff, TimeSpan maxBackoff, double randomFactor, int maxNrOfRetries) =>
        Backoff.OnStop(childProps, childName, minBackoff, maxBackoff, randomFactor, maxNrOfRetries).Props;

    /// <summary>OnStop supervisor props whose child failures are decided by <paramref name="strategy"/>.</summary>
    public static Props PropsWithSupervisorStrategy(Props childProps, string childName, TimeSpan minBackoff, TimeSpan maxBackoff, double randomFactor, SupervisorStrategy strategy)
    {
        ArgumentNullException.ThrowIfNull(strategy);
        var oneForOne = strategy as OneForOneStrategy
            ?? new OneForOneStrategy(strategy.MaxNumberOfRetries, strategy.WithinTimeRangeMilliseconds, strategy.Decider);
        return Backoff.OnStop(childProps, childName, minBackoff, maxBackoff, randomFactor, -1).WithSupervisorStrategy(oneForOne).Props;
    }

    /// <inheritdoc />
    protected override SupervisorStrategy SupervisorStrategy() => Options.Strategy;

    /// <inheritdoc />
    protected override bool Receive(object message)
    {
        if (message is Terminated terminated && terminated.ActorRef.Equals(Child))
        {
            Child = null;
            if (FinalStopMessageReceived)
                Context.Stop(Self);
            else
                ScheduleRestartOrStop();
            return true;
        }

        return HandleCommon(message);
    }
}
