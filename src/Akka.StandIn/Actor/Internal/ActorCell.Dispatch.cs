using Akka.Dispatch.SysMsg;
using Akka.Event;

namespace Akka.Actor.Internal;

internal sealed partial class ActorCell
{
    private bool _invokingUserMessage;

    public void Post(object message, IActorRef sender)
    {
        if (_mailbox.IsClosed)
            System.PublishDeadLetter(message, sender, Self);
        else
            _mailbox.Post(new Envelope(message, sender));
    }

    /// <summary>Processes one user message on the actor's turn.</summary>
    public void Invoke(in Envelope envelope)
    {
        _current = envelope;
        _invokingUserMessage = true;
        var message = envelope.Message;
        try
        {
            if (message is IAutoReceivedMessage)
                AutoReceive(message);
            else
                ReceiveMessage(message);
            if (_receiveTimeout.HasValue && _current.Message is not INotInfluenceReceiveTimeout)
                RescheduleReceiveTimeout();
        }
        catch (Exception e)
        {
            HandleInvokeFailure(e);
        }
        finally
        {
            _invokingUserMessage = false;
        }
    }

    internal void ReceiveMessage(object message)
    {
        var actor = _actor;
        if (!actor.AroundReceive(_behaviors[^1], message))
            actor.UnhandledInternal(message);
    }

    private void AutoReceive(object message)
    {
        switch (message)
        {
            case PoisonPill:
                Self.Stop();
                break;
            case Kill:
                throw new ActorKilledException("Kill");
            case Terminated terminated:
                if (_terminatedQueued.Remove(terminated.ActorRef))
                    ReceiveMessage(terminated);
                break;
            case WatchWithMessage custom:
                if (_terminatedQueued.Remove(custom.Actor))
                {
                    _current = new Envelope(custom.Message, _current.Sender);
                    ReceiveMessage(custom.Message);
                }

                break;
            case ActorTimers.TimerMessage timer:
                if (_actor is IWithTimers { Timers: ActorTimers timers } && timers.Accept(timer))
                {
                    _current = new Envelope(timer.Message, timer.Sender);
                    ReceiveMessage(timer.Message);
                }

                break;
            default:
                ReceiveMessage(message);
                break;
        }
    }

    /// <summary>Processes one system message on the actor's turn.</summary>
    public void SystemInvoke(SystemMessage message)
    {
        try
        {
            switch (message)
            {
                case Create:
                    HandleCreate();
                    break;
                case Failed failed:
                    HandleFailed(failed);
                    break;
                case DeathWatchNotification notification:
                    WatchedActorTerminated(notification);
                    break;
                case Watch watch:
                    AddWatcher(watch);
                    break;
                case Unwatch unwatch:
                    RemoveWatcher(unwatch);
                    break;
                case Recreate recreate:
                    FaultRecreate(recreate.Cause);
                    break;
                case Suspend:
                    FaultSuspend();
                    break;
                case Resume resume:
                    FaultResume(resume.CausedByFailure);
                    break;
                case Terminate:
                    StartTerminate();
                    break;
                case RunTaskStep step:
                    RunStep(step);
                    break;
                case AsyncHandlerCompleted completed:
                    AsyncCompleted(completed);
                    break;
            }
        }
        catch (Exception e)
        {
            HandleInvokeFailure(e);
        }
    }

    /// <summary>A system message that reached a dead cell.</summary>
    public void SystemMessageAfterDeath(SystemMessage message)
    {
        if (message is Watch watch && !ReferenceEquals(watch.Watcher, Self))
            watch.Watcher.SendSystemMessage(new DeathWatchNotification(watch.Watchee, existenceConfirmed: false));
    }

    public void DeadLetter(in Envelope envelope) => System.PublishDeadLetter(envelope.Message, envelope.Sender, Self);

    private void UpdateUserSuspension() =>
        _mailbox.SetUserSuspended(_suspendCount > 0 || _awaitingTask || _terminating || _actor is null);

    private void PublishError(Exception cause, string message) =>
        System.EventStream.Publish(new Error(cause, Self.Path.ToString(), _actor?.GetType() ?? Props.Type, message));
}
