using Akka.Actor.Internal;

namespace Akka.Actor;

/// <summary>
/// Applies the directive to all children: Restart restarts every child if every child still has budget,
/// otherwise stops them all; Stop stops them all.
/// </summary>
public class AllForOneStrategy : SupervisorStrategy
{
    /// <summary>Creates the strategy; null values mean "undefined".</summary>
    public AllForOneStrategy(int? maxNrOfRetries, TimeSpan? withinTimeRange, Func<Exception, Directive> localOnlyDecider)
        : this(maxNrOfRetries, withinTimeRange, new LocalOnlyDecider(localOnlyDecider))
    {
    }

    /// <summary>Creates the strategy; null values mean "undefined".</summary>
    public AllForOneStrategy(int? maxNrOfRetries, TimeSpan? withinTimeRange, IDecider decider)
        : this(maxNrOfRetries, withinTimeRange, decider, loggingEnabled: true)
    {
    }

    /// <summary>Creates the strategy; -1 means "undefined".</summary>
    public AllForOneStrategy(int maxNrOfRetries, int withinTimeMilliseconds, Func<Exception, Directive> localOnlyDecider, bool loggingEnabled = true)
        : this(maxNrOfRetries, withinTimeMilliseconds, new LocalOnlyDecider(localOnlyDecider), loggingEnabled)
    {
    }

    /// <summary>Creates the strategy; -1 means "undefined".</summary>
    public AllForOneStrategy(int maxNrOfRetries, int withinTimeMilliseconds, IDecider decider, bool loggingEnabled = true)
        : this(maxNrOfRetries, withinTimeMilliseconds < 0 ? null : TimeSpan.FromMilliseconds(withinTimeMilliseconds), decider, loggingEnabled)
    {
    }

    /// <summary>Creates the strategy with unlimited restarts.</summary>
    public AllForOneStrategy(Func<Exception, Directive> localOnlyDecider)
        : this(-1, -1, localOnlyDecider, true)
    {
    }

    /// <summary>Creates the strategy with unlimited restarts.</summary>
    public AllForOneStrategy(IDecider decider)
        : this(-1, -1, decider, true)
    {
    }

    private AllForOneStrategy(int? maxNrOfRetries, TimeSpan? withinTimeRange, IDecider decider, bool loggingEnabled)
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

    private protected override bool ProcessFailure(ActorCell cell, ChildStats failed, Exception cause, bool restart)
    {
        var children = cell.ChildStatsSnapshot().Where(s => !s.Stopping).ToArray();
        if (restart && children.All(s => s.RequestRestartPermission(MaxNumberOfRetries, WithinTimeRangeMilliseconds)))
        {
            foreach (var child in children)
                cell.RestartChild(child, cause);
            return true;
        }

        foreach (var child in children)
            cell.StopChildByStrategy(child);
        return false;
    }
}
