using Akka.Dispatch.SysMsg;

namespace Akka.Actor.Internal;

internal sealed partial class ActorCell
{
    private int _suspendCount;
    private bool _failed;
    private object _failedMessage;

    // The child whose failure this actor escalated; when this actor is resumed, so is that child.
    private IActorRef _perpetrator;

    /// <summary>
    /// The actor failed: suspend it and its children and ask the parent what to do. Failures while a
    /// decision is pending, or while stopping, are only logged.
    /// </summary>
    internal void HandleInvokeFailure(Exception cause, object failedMessage = null)
    {
        if (_terminating)
        {
            PublishError(cause, "Exception while stopping: " + cause.Message);
            return;
        }

        if (_failed)
        {
            PublishError(cause, "Exception while waiting for the supervisor's decision: " + cause.Message);
            return;
        }

        _failed = true;
        _failedMessage = failedMessage ?? (_invokingUserMessage ? _current.Message : null);
        _suspendCount++;
        UpdateUserSuspension();
        SendToChildren(Suspend.Instance);
        Parent.SendSystemMessage(new Failed(Self, cause, Self.Path.Uid));
    }

    private void HandleFailed(Failed failed)
    {
        if (!TryGetChildStats(failed.Child, out var stats) || stats.Child.Path.Uid != failed.Uid || stats.Stopping)
            return;
        if (!Strategy.HandleFailure(this, stats, failed.Cause))
        {
            _perpetrator = failed.Child;
            HandleInvokeFailure(failed.Cause);
        }
    }

    private void FaultSuspend()
    {
        _suspendCount++;
        UpdateUserSuspension();
        SendToChildren(Suspend.Instance);
    }

    private void FaultResume(Exception causedByFailure)
    {
        if (_actor is null && causedByFailure is not null && !_terminating && !_recreating)
        {
            // Resuming an actor whose creation failed means creating it after all.
            _failed = false;
            _suspendCount = 0;
            ResumeChildren(causedByFailure);
            HandleCreate();
            return;
        }

        if (causedByFailure is not null)
        {
            _failed = false;
            _failedMessage = null;
        }

        if (_suspendCount > 0)
            _suspendCount--;
        UpdateUserSuspension();
        ResumeChildren(causedByFailure);
    }

    /// <summary>
    /// Undoes the Suspend sent to every child when this actor failed; a child whose failure was escalated
    /// also gets the Resume that answers its own failure.
    /// </summary>
    private void ResumeChildren(Exception causedByFailure)
    {
        SendToChildren(new Resume(null));
        if (causedByFailure is null || _perpetrator is null)
            return;
        if (TryGetChildStats(_perpetrator, out var stats))
            stats.Child.SendSystemMessage(new Resume(causedByFailure));
        _perpetrator = null;
    }

    // Restart directive from the strategy.
    internal void RestartChild(ChildStats stats, Exception cause) => stats.Child.SendSystemMessage(new Recreate(cause));

    internal void ResumeChild(ChildStats stats, Exception cause) => stats.Child.SendSystemMessage(new Resume(cause));

    internal void StopChildByStrategy(ChildStats stats) => StopChild(stats);
}
