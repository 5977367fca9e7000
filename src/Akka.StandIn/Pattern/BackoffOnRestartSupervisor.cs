using Akka.Actor;

namespace Akka.Pattern;

/// <summary>
/// Backoff supervisor of the OnFailure flavour. States: <c>Running</c> (a child that stops on its own
/// stops the supervisor) and <c>waiting</c> (a Restart directive turned into Stop; the child's
/// Terminated schedules a new child after the backoff delay).
/// </summary>
internal sealed class BackoffOnRestartSupervisor : BackoffSupervisorBase
{
    private bool _restartPending;

    public BackoffOnRestartSupervisor(BackoffOptionsImpl options)
        : base(options)
    {
    }

    protected override SupervisorStrategy SupervisorStrategy()
    {
        var user = Options.Strategy;
        return new OneForOneStrategy(
            user.MaxNumberOfRetries,
            user.WithinTimeRangeMilliseconds,
            cause =>
            {
                var directive = user.Decider.Decide(cause);
                if (directive != Directive.Restart)
                    return directive;
                _restartPending = true;
                return Directive.Stop;
            });
    }

    protected override bool Receive(object message)
    {
        if (message is Terminated terminated && terminated.ActorRef.Equals(Child))
        {
            Child = null;
            if (_restartPending && !FinalStopMessageReceived)
            {
                _restartPending = false;
                ScheduleRestartOrStop();
            }
            else
            {
                Context.Stop(Self);
            }

            return true;
        }

        return HandleCommon(message);
    }
}
