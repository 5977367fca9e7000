namespace Akka.Actor;

/// <summary>Messages an actor has put aside to process later.</summary>
public interface IStash
{
    /// <summary>Saves the current message and its sender.</summary>
    /// <exception cref="IllegalActorStateException">The same message is stashed twice.</exception>
    void Stash();

    /// <summary>Puts the oldest stashed message at the head of the mailbox.</summary>
    void Unstash();

    /// <summary>Puts all stashed messages at the head of the mailbox, in their original order.</summary>
    void UnstashAll();

    /// <summary>Like <see cref="UnstashAll()"/>, for the messages matching <paramref name="predicate"/> only.</summary>
    void UnstashAll(Func<Envelope, bool> predicate);

    /// <summary>Empties the stash and returns what it held.</summary>
    IEnumerable<Envelope> ClearStash();

    /// <summary>Adds <paramref name="envelopes"/> in front of the stashed messages.</summary>
    void Prepend(IEnumerable<Envelope> envelopes);

    /// <summary>The number of stashed messages.</summary>
    int Count { get; }

    /// <summary>True when nothing is stashed.</summary>
    bool IsEmpty { get; }

    /// <summary>True when something is stashed.</summary>
    bool NonEmpty { get; }

    /// <summary>True when the stash is at capacity (never, for unbounded stashes).</summary>
    bool IsFull { get; }

    /// <summary>The capacity.</summary>
    int Capacity { get; }
}
