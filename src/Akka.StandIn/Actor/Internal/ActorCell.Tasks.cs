using Akka.Dispatch.SysMsg;

namespace Akka.Actor.Internal;

internal sealed partial class ActorCell
{
    private bool _awaitingTask;
    private Envelope _asyncEnvelope;
    private ActorTaskScheduler _taskScheduler;

    /// <summary>
    /// Runs an async handler for the current message. User messages stay queued until the returned task
    /// completes; a fault makes the actor fail as if the handler had thrown.
    /// </summary>
    internal void RunTask(Func<Task> action)
    {
        ArgumentNullException.ThrowIfNull(action);
        _asyncEnvelope = _current;
        var incarnation = _incarnation;
        _awaitingTask = true;
        UpdateUserSuspension();
        _taskScheduler ??= new ActorTaskScheduler(this);
        var task = _taskScheduler.Start(action);
        task.ContinueWith(
            static (t, state) =>
            {
                var (cell, env, inc) = ((ActorCell, Envelope, int))state;
                var failure = t.IsFaulted
                    ? (t.Exception!.InnerExceptions.Count == 1 ? t.Exception.InnerException : t.Exception)
                    : t.IsCanceled ? new TaskCanceledException(t) : null;
                cell.SendSystemMessage(new AsyncHandlerCompleted(failure, env, inc));
            },
            (this, _current, incarnation),
            CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);
    }

    private void RunStep(RunTaskStep step)
    {
        if (_actor is null)
            return;
        var saved = _current;
        _current = _asyncEnvelope;
        try
        {
            _taskScheduler.RunStep(step.Task);
        }
        finally
        {
            _current = saved;
        }
    }

    private void AsyncCompleted(AsyncHandlerCompleted completed)
    {
        if (completed.Incarnation != _incarnation)
            return;
        _awaitingTask = false;
        _asyncEnvelope = default;
        UpdateUserSuspension();
        if (completed.Failure is not null)
        {
            _current = completed.Envelope;
            HandleInvokeFailure(completed.Failure, completed.Envelope.Message);
        }
        else if (_receiveTimeout.HasValue)
        {
            RescheduleReceiveTimeout();
        }
    }
}
