using Akka.Actor.Internal;

namespace Akka.Actor;

/// <summary>Applies the directive to the failed child only; the restart budget is counted per child.</summary>
public class OneForOneStrategy : SupervisorStrategy
{
    /// <summary>Creates the strategy; null values mean "undefined" (see the restart budget rules).</summary>
    public OneForOneStrategy(int? maxNrOfRetries, TimeSpan? withinTimeRange, Func<Exception, Directive> localOnlyDecider)
        : this(maxNrOfRetries, withinTimeRange, new LocalOnlyDecider(localOnlyDecider))
    {
    }

    /// <summary>Creates the strategy; null values mean "undefined" (see the restart budget rules).</summary>
    public OneForOneStrategy(int? maxNrOfRetries, TimeSpan? withinTimeRange, IDecider decider)
        : this(maxNrOfRetries, withinTimeRange, decider, loggingEnabled: true)
    {
    }

    /// <summary>Creates the strategy; -1 means "undefined".</summary>
    public OneForOneStrategy(int maxNrOfRetries, int withinTimeMilliseconds, Func<Exception, Directive> localOnlyDecider, bool loggingEnabled = true)
        : this(maxNrOfRetries, withinTimeMilliseconds, new LocalOnlyDecider(localOnlyDecider), loggingEnabled)
    {
    }

    /// <summary>Creates the strategy; -1 means "undefined".</summary>
    public OneForOneStrategy(int maxNrOfRetries, int withinTimeMilliseconds, IDecider decider, bool loggingEnabled = true)
        : this(maxNrOfRetries, withinTimeMilliseconds < 0 ? null : TimeSpan.FromMilliseconds(withinTimeMilliseconds), decider, loggingEnabled)
    {
    }

    /// <summary>Creates the strategy with unlimited restarts.</summary>
    public OneForOneStrategy(Func<Exception, Directive> localOnlyDecider)
        : this(-1, -1, localOnlyDecider, true)
    {
    }

    /// <summary>Creates the strategy with unlimited restarts.</summary>
    public OneForOneStrategy(Func<Exception, Directive> localOnlyDecider, bool loggingEnabled = true)
        : this(-1, -1, localOnlyDecider, loggingEnabled)
    {
    }

    /// <summary>Creates the strategy with unlimited restarts.</summary>
    public OneForOneStrategy(IDecider decider)
        : this(-1, -1, decider, true)
    {
    }

    private OneForOneStrategy(int? maxNrOfRetries, TimeSpan? withinTimeRange, IDecider decider, bool loggingEnabled)
        : base(maxNrOfRetries, withinTimeRange, loggingEnabled)
    {
        ArgumentNullException.ThrowIfNull(decider);
        Decider = decider;
    }

    /// <inheritdoc />
    public override IDecider Decider { get; }

    /// <summary>How many restarts a child may have; -1 means no limit.</summary>
    public new int MaxNumberOfRetries => base.MaxNumberOfRetries;

    /// <summary>The time window of <see cref="MaxNumberOfRetries"/> in milliseconds; -1 means no window.</summary>
    public new int WithinTimeRangeMilliseconds => base.WithinTimeRangeMilliseconds;

    /// <summary>A copy with a different restart budget.</summary>
    public OneForOneStrategy WithMaxNrOfRetries(int maxNrOfRetries) =>
        new(maxNrOfRetries, WithinTimeRangeMilliseconds, Decider, LoggingEnabled);

    private protected override bool ProcessFailure(ActorCell cell, ChildStats failed, Exception cause, bool restart)
    {
        if (restart && failed.RequestRestartPermission(MaxNumberOfRetries, WithinTimeRangeMilliseconds))
        {
            cell.RestartChild(failed, cause);
            return true;
        }

        cell.StopChildByStrategy(failed);
        return false;
    }
}
