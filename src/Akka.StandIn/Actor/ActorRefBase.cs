namespace Akka.Actor;

/// <summary>Common base of the runtime's actor references: equality, ordering and formatting.</summary>
public abstract class ActorRefBase : IActorRef
{
    /// <inheritdoc />
    public abstract ActorPath Path { get; }

    /// <inheritdoc />
    public void Tell(object message, IActorRef sender) => TellInternal(message, sender);

    /// <summary>Delivers <paramref name="message"/>.</summary>
    protected abstract void TellInternal(object message, IActorRef sender);

    /// <inheritdoc />
    public bool Equals(IActorRef other) =>
        other is not null && Path.Uid == other.Path.Uid && Path.Equals(other.Path);

    /// <inheritdoc />
    public override bool Equals(object obj) => obj is IActorRef other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Path.GetHashCode(), Path.Uid);

    /// <inheritdoc />
    public int CompareTo(IActorRef other)
    {
        if (other is null)
            return 1;
        var byPath = Path.CompareTo(other.Path);
        return byPath != 0 ? byPath : Path.Uid.CompareTo(other.Path.Uid);
    }

    /// <inheritdoc />
    public int CompareTo(object obj) => obj switch
    {
        null => 1,
        IActorRef other => CompareTo(other),
        _ => throw new ArgumentException("Object must be an IActorRef", nameof(obj)),
    };

    /// <summary>Returns <c>[path#uid]</c>, or <c>[path]</c> when the uid is 0.</summary>
    public override string ToString() =>
        Path.Uid == 0 ? $"[{Path}]" : $"[{Path}#{Path.Uid}]";
}
