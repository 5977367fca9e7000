using Akka.Actor;

namespace AkkaIpc.Internal;

/// <summary>
/// A server's Unsubscribe requests still waiting for its connections. Connections tell subscribers what they receive
/// straight from their sockets' threads, so the server may answer <see cref="Unsubscribed"/> only once every
/// connection has stopped delivering to the subscriber: each answers <see cref="RemoveSubscriber"/> with
/// <see cref="SubscriberRemoved"/>, or terminates. Only the server's actor uses it.
/// </summary>
internal sealed class PendingUnsubscriptions
{
    private readonly List<(IActorRef Subscriber, IActorRef Requester, HashSet<IActorRef> Waiting)> _pending = [];

    /// <summary>Answers <paramref name="requester"/> once every one of <paramref name="connections"/> is done (now if none).</summary>
    public void Add(IActorRef subscriber, IActorRef requester, IEnumerable<IActorRef> connections, IActorRef server)
    {
        var waiting = new HashSet<IActorRef>(connections);

        // An Unsubscribe repeated while the first still waits waits for the same connections.
        foreach (var pending in _pending)
        {
            if (pending.Subscriber.Equals(subscriber))
                waiting.UnionWith(pending.Waiting);
        }

        if (waiting.Count == 0)
            requester.Tell(new Unsubscribed(subscriber), server);
        else
            _pending.Add((subscriber, requester, waiting));
    }

    /// <summary><paramref name="connection"/> no longer delivers to <paramref name="subscriber"/> (null: it terminated).</summary>
    public void Done(IActorRef connection, IActorRef? subscriber, IActorRef server)
    {
        for (var i = _pending.Count - 1; i >= 0; i--)
        {
            var (pendingSubscriber, requester, waiting) = _pending[i];
            if (subscriber is not null && !pendingSubscriber.Equals(subscriber))
                continue;
            if (waiting.Remove(connection) && waiting.Count == 0)
            {
                _pending.RemoveAt(i);
                requester.Tell(new Unsubscribed(pendingSubscriber), server);
            }
        }
    }

    /// <summary>The server stopped, after its connections: nothing is delivered any more, every request is answered.</summary>
    public void CompleteAll(IActorRef server)
    {
        foreach (var (subscriber, requester, _) in _pending)
            requester.Tell(new Unsubscribed(subscriber), server);
        _pending.Clear();
    }
}
