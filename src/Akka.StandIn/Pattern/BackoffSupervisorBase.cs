using Akka.Actor;

namespace Akka.Pattern;

/// <summary>
/// Common part of the backoff supervisors: owns one child (<c>&lt;supervisor&gt;/&lt;childName&gt;</c>), watches
/// it, forwards messages to it, relays its messages to the supervisor's parent, and answers the
/// <see cref="BackoffSupervisor"/> query messages.
/// </summary>
public abstract class BackoffSupervisorBase : ActorBase
{
    private protected BackoffSupervisorBase(BackoffOptionsImpl options) => Options = options;

    private protected BackoffOptionsImpl Options { get; }

    private protected IActorRef Child { get; set; }

    private protected int RestartCountN { get; set; }

    private protected bool FinalStopMessageReceived { get; set; }

    /// <inheritdoc />
    protected override void PreStart() => SpawnChild();

    private protected void SpawnChild()
    {
        Child = Context.Watch(Context.ActorOf(Options.ChildProps, Options.ChildName));
        if (Options.AutoReset is { } period)
            Context.System.Scheduler.ScheduleTellOnce(period, Self, new BackoffSupervisor.ResetRestartCount(RestartCountN), Self);
    }

    /// <summary>Schedules the next child after the backoff delay, or stops when the retries are used up.</summary>
    private protected void ScheduleRestartOrStop()
    {
        if (Options.MaxNrOfRetries == -1 || RestartCountN < Options.MaxNrOfRetries)
        {
            var delay = Options.DelayFor(RestartCountN);
            RestartCountN++;
            Context.System.Scheduler.ScheduleTellOnce(delay, Self, BackoffSupervisor.StartChild.Instance, Self);
        }
        else
        {
            Context.Stop(Self);
        }
    }

    /// <summary>Handles the messages both flavours share; false for anything else.</summary>
    private protected bool HandleCommon(object message)
    {
        switch (message)
        {
            case BackoffSupervisor.StartChild:
                if (Child is null)
                    SpawnChild();
                return true;
            case BackoffSupervisor.ResetRestartCount reset:
                if (reset.Current == RestartCountN)
                    RestartCountN = 0;
                return true;
            case BackoffSupervisor.Reset when Options.AutoReset is null:
                RestartCountN = 0;
                return true;
            case BackoffSupervisor.Reset:
                Unhandled(message);
                return true;
            case BackoffSupervisor.GetRestartCount:
                Sender.Tell(new BackoffSupervisor.RestartCount(RestartCountN), Self);
                return true;
            case BackoffSupervisor.GetCurrentChild:
                Sender.Tell(new BackoffSupervisor.CurrentChild(Child), Self);
                return true;
            default:
                Route(message);
                return true;
        }
    }

    private void Route(object message)
    {
        if (Child is not null && Child.Equals(Sender))
        {
            Context.Parent.Tell(message, Self);
        }
        else if (Child is not null)
        {
            Child.Forward(message);
            if (Options.FinalStopMessage?.Invoke(message) == true)
                FinalStopMessageReceived = true;
        }
        else if (Options.ReplyWhileStopped is not null)
        {
            Sender.Tell(Options.ReplyWhileStopped, Self);
        }
        else
        {
            Context.System.DeadLetters.Forward(message);
        }
    }
}
