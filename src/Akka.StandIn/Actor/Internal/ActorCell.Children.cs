using Akka.Dispatch.SysMsg;

namespace Akka.Actor.Internal;

internal sealed partial class ActorCell
{
    // Guarded by itself: children are attached from foreign threads (system.ActorOf on the guardian).
    private readonly Dictionary<string, ChildStats> _children = new(StringComparer.Ordinal);
    private long _nextChildName;

    public IActorRef ActorOf(Props props, string name = null) => AttachChild(props, name, systemService: false);

    internal LocalActorRef AttachChild(Props props, string name, bool systemService)
    {
        ArgumentNullException.ThrowIfNull(props);
        LocalActorRef child;
        ChildStats stats;
        lock (_children)
        {
            if (name is null)
            {
                name = "$" + EncodeName(_nextChildName++);
            }
            else if (!ActorPath.IsValidPathElement(name))
            {
                throw new InvalidActorNameException(
                    $"Invalid actor path element [{name}]: names must be non-empty, must not start with '$', and may only contain ASCII letters, digits and -_.*$+:@&=,!~';()");
            }

            if (_children.ContainsKey(name))
                throw new InvalidActorNameException($"Actor name \"{name}\" is not unique!");
            var uid = Random.Shared.Next(1, int.MaxValue);
            var path = new ChildActorPath(Self.Path.WithUid(0), name, uid);
            var cell = new ActorCell(System, Self, path, props, systemService || IsSystemService);
            child = cell.Self;
            stats = new ChildStats(child);
            _children[name] = stats;
        }

        child.Cell.Start();

        // A child attached while this actor is stopping would otherwise keep it waiting forever.
        if (_terminating)
            StopChild(stats);
        return child;
    }

    public IActorRef Child(string name)
    {
        lock (_children)
        {
            return _children.TryGetValue(name, out var stats) ? stats.Child : ActorRefs.Nobody;
        }
    }

    public IEnumerable<IActorRef> GetChildren()
    {
        lock (_children)
        {
            return _children.Values.Select(s => (IActorRef)s.Child).ToArray();
        }
    }

    internal ChildStats[] ChildStatsSnapshot()
    {
        lock (_children)
        {
            return _children.Values.ToArray();
        }
    }

    public void Stop(IActorRef actor)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (actor.Equals(Self))
        {
            Self.Stop();
            return;
        }

        if (TryGetChildStats(actor, out var stats))
        {
            StopChild(stats);
            return;
        }

        (actor as IInternalActorRef)?.Stop();
    }

    private void StopChild(ChildStats stats)
    {
        stats.Stopping = true;
        stats.Child.SendSystemMessage(Terminate.Instance);
    }

    internal bool TryGetChildStats(IActorRef actor, out ChildStats stats)
    {
        lock (_children)
        {
            return _children.TryGetValue(actor.Path.Name, out stats) && stats.Child.Equals(actor);
        }
    }

    private bool RemoveChild(IActorRef actor)
    {
        lock (_children)
        {
            if (_children.TryGetValue(actor.Path.Name, out var stats) && stats.Child.Equals(actor))
                return _children.Remove(actor.Path.Name);
            return false;
        }
    }

    private bool HasStoppingChildren()
    {
        lock (_children)
        {
            foreach (var stats in _children.Values)
            {
                if (stats.Stopping)
                    return true;
            }

            return false;
        }
    }

    private bool HasChildren()
    {
        lock (_children)
        {
            return _children.Count > 0;
        }
    }

    private void SendToChildren(SystemMessage message)
    {
        foreach (var stats in ChildStatsSnapshot())
            stats.Child.SendSystemMessage(message);
    }

    private static string EncodeName(long n)
    {
        const string chars = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789+~";
        var sb = new System.Text.StringBuilder();
        do
        {
            sb.Append(chars[(int)(n & 63)]);
            n >>= 6;
        }
        while (n != 0);
        return sb.ToString();
    }
}
