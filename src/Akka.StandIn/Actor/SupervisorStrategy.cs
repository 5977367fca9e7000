using Akka.Actor.Internal;
using Akka.Event;

namespace Akka.Actor;

/// <summary>
/// How a parent treats its children's failures: a decider maps the exception to a directive, and a
/// restart budget turns Restart into Stop when exhausted. Restart and Stop are logged as
/// <see cref="Error"/> events, Resume as a <see cref="Warning"/>.
/// </summary>
public abstract class SupervisorStrategy
{
    /// <summary>
    /// Stop for <see cref="ActorInitializationException"/>, <see cref="ActorKilledException"/> and
    /// <see cref="DeathPactException"/>; Restart for everything else.
    /// </summary>
    public static readonly IDecider DefaultDecider = new LocalOnlyDecider(cause => cause switch
    {
        ActorInitializationException => Directive.Stop,
        ActorKilledException => Directive.Stop,
        DeathPactException => Directive.Stop,
        _ => Directive.Restart,
    });

    /// <summary>One-for-one with <see cref="DefaultDecider"/> and unlimited restarts; used when nothing else is given.</summary>
    public static readonly SupervisorStrategy DefaultStrategy = new OneForOneStrategy(DefaultDecider);

    /// <summary>One-for-one that stops the failing child.</summary>
    public static readonly OneForOneStrategy StoppingStrategy = new(_ => Directive.Stop);

    private protected SupervisorStrategy(int? maxNrOfRetries, TimeSpan? withinTimeRange, bool loggingEnabled)
    {
        MaxNumberOfRetries = maxNrOfRetries ?? -1;
        WithinTimeRangeMilliseconds = withinTimeRange is { } t ? (int)t.TotalMilliseconds : -1;
        LoggingEnabled = loggingEnabled;
    }

    /// <summary>The decider.</summary>
    public abstract IDecider Decider { get; }

    // Akka declares the public budget properties on OneForOneStrategy and AllForOneStrategy, not here;
    // keeping these internal stops code that reads them through a SupervisorStrategy compiling only here.
    internal int MaxNumberOfRetries { get; private protected init; }

    internal int WithinTimeRangeMilliseconds { get; private protected init; }

    internal bool LoggingEnabled { get; }

    /// <summary>Applies the strategy to a failed child; false means Escalate.</summary>
    internal bool HandleFailure(ActorCell cell, ChildStats failed, Exception cause)
    {
        var directive = Decider.Decide(cause);
        switch (directive)
        {
            case Directive.Resume:
                LogFailure(cell, failed.Child, cause, directive);
                cell.ResumeChild(failed, cause);
                return true;
            case Directive.Restart:
                var restart = ProcessFailure(cell, failed, cause, restart: true);
                LogFailure(cell, failed.Child, cause, restart ? Directive.Restart : Directive.Stop);
                return true;
            case Directive.Stop:
                LogFailure(cell, failed.Child, cause, directive);
                ProcessFailure(cell, failed, cause, restart: false);
                return true;
            default:
                return false;
        }
    }

    /// <summary>Restarts (if the budget allows) or stops the affected children; returns whether it restarted.</summary>
    private protected abstract bool ProcessFailure(ActorCell cell, ChildStats failed, Exception cause, bool restart);

    private void LogFailure(ActorCell cell, IActorRef child, Exception cause, Directive directive)
    {
        if (!LoggingEnabled)
            return;
        var message = cause is ActorInitializationException { InnerException: { } inner } ? inner.Message : cause.Message;
        var source = child.Path.ToString();
        if (directive == Directive.Resume)
            cell.System.EventStream.Publish(new Warning(source, GetType(), message));
        else
            cell.System.EventStream.Publish(new Error(cause, source, GetType(), message));
    }
}
