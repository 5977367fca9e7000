using Akka.Dispatch.SysMsg;

namespace Akka.Actor.Internal;

internal sealed partial class ActorCell
{
    // Actors this one watches, with the WatchWith message (null for plain Terminated).
    private readonly Dictionary<IActorRef, object> _watching = new();

    // Terminated (or WatchWith) messages in flight in our own mailbox; Unwatch removes the entry to cancel it.
    private readonly HashSet<IActorRef> _terminatedQueued = new();

    // Watchers of this actor, each with the ref it used to watch us (which may be a wrapper).
    private readonly Dictionary<IInternalActorRef, IActorRef> _watchedBy = new();

    public IActorRef Watch(IActorRef subject) => WatchCore(subject, null);

    public IActorRef WatchWith(IActorRef subject, object message)
    {
        ArgumentNullException.ThrowIfNull(message);
        return WatchCore(subject, message);
    }

    public IActorRef Unwatch(IActorRef subject)
    {
        ArgumentNullException.ThrowIfNull(subject);
        if (_watching.Remove(subject) && subject is IInternalActorRef watchee)
            watchee.SendSystemMessage(new Unwatch(watchee, Self));
        _terminatedQueued.Remove(subject);
        return subject;
    }

    private IActorRef WatchCore(IActorRef subject, object message)
    {
        ArgumentNullException.ThrowIfNull(subject);
        if (subject.Equals(Self) || _watching.ContainsKey(subject))
            return subject;
        if (subject is not IInternalActorRef watchee)
            throw new ArgumentException($"Cannot watch {subject}: it is not a runtime actor reference", nameof(subject));
        _watching[subject] = message;
        watchee.SendSystemMessage(new Watch(watchee, Self));
        return subject;
    }

    private void AddWatcher(Watch watch)
    {
        // Once terminated, the mailbox is closed and late Watch messages are answered by SystemMessageAfterDeath.
        if (!watch.Watcher.Equals(Self))
            _watchedBy[watch.Watcher] = watch.Watchee;
    }

    private void RemoveWatcher(Unwatch unwatch) => _watchedBy.Remove(unwatch.Watcher);

    private void WatchedActorTerminated(DeathWatchNotification notification)
    {
        var actor = notification.Actor;
        if (_watching.Remove(actor, out var custom) && !_terminating)
        {
            _terminatedQueued.Add(actor);
            object message = custom is null
                ? new Terminated(actor, notification.ExistenceConfirmed, addressTerminated: false)
                : new WatchWithMessage(actor, custom);
            _mailbox.Post(new Envelope(message, actor));
        }

        if (RemoveChild(actor))
            ChildTerminated();
    }

    private void ChildTerminated()
    {
        if (HasStoppingChildren())
            return;
        if (_terminating)
        {
            if (!HasChildren())
                FinishTerminate();
        }
        else if (_recreating)
        {
            FinishRecreate();
        }
    }

    private void NotifyWatchersAndParent()
    {
        var parentNotified = false;
        foreach (var (watcher, knownAs) in _watchedBy)
        {
            watcher.SendSystemMessage(new DeathWatchNotification(knownAs, existenceConfirmed: true));
            parentNotified |= watcher.Equals(Parent);
        }

        _watchedBy.Clear();
        if (!parentNotified)
            Parent.SendSystemMessage(new DeathWatchNotification(Self, existenceConfirmed: true));
        foreach (var watchee in _watching.Keys)
            (watchee as IInternalActorRef)?.SendSystemMessage(new Unwatch((IInternalActorRef)watchee, Self));
        _watching.Clear();
        _terminatedQueued.Clear();
    }
}
