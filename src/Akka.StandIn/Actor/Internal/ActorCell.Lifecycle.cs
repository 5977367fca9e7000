using System.Reflection;
using Akka.Dispatch.SysMsg;

namespace Akka.Actor.Internal;

internal sealed partial class ActorCell
{
    // Volatile: system.ActorOf attaches children to the guardian from foreign threads and must see it.
    private volatile bool _terminating;
    private volatile bool _terminated;
    private bool _recreating;
    private Exception _recreateCause;
    private int _incarnation;

    public bool IsTerminated => _terminated;

    private void HandleCreate()
    {
        try
        {
            NewActor();
            _actor.AroundPreStart();
        }
        catch (Exception e)
        {
            ClearActor();
            HandleInvokeFailure(e as ActorInitializationException ?? new ActorInitializationException(Self, "Exception during creation", e));
            return;
        }

        UpdateUserSuspension();
    }

    /// <summary>Runs the constructor: the <see cref="ActorBase"/> constructor picks this cell up and binds to it.</summary>
    private void NewActor()
    {
        _actor = null;
        _strategy = null;
        _incarnation++;
        _behaviors.Clear();
        ActorBase instance;
        t_creating = this;
        try
        {
            instance = Props.NewActor();
        }
        catch (TargetInvocationException e) when (e.InnerException is not null)
        {
            throw e.InnerException;
        }
        finally
        {
            t_creating = null;
        }

        _actor = instance;
        instance.Constructed();
        if (instance is IActorStash stashing)
            stashing.Stash = new UnboundedStash(this);
    }

    private void ClearActor()
    {
        var actor = _actor;
        _actor = null;
        _behaviors.Clear();
        _awaitingTask = false;
        if (actor is IDisposable disposable)
        {
            try
            {
                disposable.Dispose();
            }
            catch (Exception e)
            {
                PublishError(e, "Exception while disposing the actor");
            }
        }
    }

    private void UnstashAll(ActorBase actor)
    {
        if (actor is IActorStash { Stash: UnboundedStash stash })
            stash.UnstashAllToMailbox();
    }

    private void StartTerminate()
    {
        if (_terminating)
            return;
        _terminating = true;
        UpdateUserSuspension();
        CancelReceiveTimeout();
        foreach (var stats in ChildStatsSnapshot())
            StopChild(stats);
        if (!HasChildren())
            FinishTerminate();
    }

    private void FinishTerminate()
    {
        var actor = _actor;
        if (actor is not null)
        {
            try
            {
                actor.AroundPostStop();
            }
            catch (Exception e)
            {
                PublishError(e, "PostStop threw; the actor stops anyway");
            }

            UnstashAll(actor);
            ClearActor();
        }

        _terminated = true;
        _mailbox.Close();
        System.EventStream.Unsubscribe(Self);
        NotifyWatchersAndParent();
    }

    private void FaultRecreate(Exception cause)
    {
        if (_terminating)
            return;
        var actor = _actor;
        if (actor is not null)
        {
            var failedMessage = _failedMessage;
            try
            {
                actor.AroundPreRestart(cause, failedMessage);
            }
            catch (Exception e)
            {
                PublishError(new PreRestartException(Self, e, cause, failedMessage), "PreRestart threw; the restart continues");
            }

            UnstashAll(actor);
            ClearActor();
        }

        CancelReceiveTimeout();
        _recreating = true;
        _recreateCause = cause;
        UpdateUserSuspension();
        if (!HasStoppingChildren())
            FinishRecreate();
    }

    private void FinishRecreate()
    {
        var cause = _recreateCause;
        _recreating = false;
        _recreateCause = null;
        _failed = false;
        _failedMessage = null;
        try
        {
            NewActor();
            _actor.AroundPostRestart(cause, null);
        }
        catch (Exception e)
        {
            ClearActor();
            HandleInvokeFailure(new PostRestartException(Self, e, cause));
            return;
        }

        // Children that PreRestart did not stop are restarted with the same cause.
        foreach (var stats in ChildStatsSnapshot())
        {
            if (!stats.Stopping)
                stats.Child.SendSystemMessage(new Recreate(cause));
        }

        _suspendCount = 0;
        UpdateUserSuspension();
    }
}
