namespace Akka.Actor.Internal;

/// <summary>The stash of an <see cref="IWithUnboundedStash"/> actor; unstashing prepends to the mailbox.</summary>
internal sealed class UnboundedStash(ActorCell cell) : IStash
{
    private readonly List<Envelope> _stashed = new();

    public int Count => _stashed.Count;

    public bool IsEmpty => _stashed.Count == 0;

    public bool NonEmpty => _stashed.Count > 0;

    public bool IsFull => false;

    public int Capacity => int.MaxValue;

    public void Stash()
    {
        var current = cell.CurrentEnvelope;
        if (current.Message is null)
            throw new IllegalActorStateException("There is no current message to stash");
        if (_stashed.Count > 0)
        {
            var last = _stashed[^1];
            if (ReferenceEquals(last.Message, current.Message) && Equals(last.Sender, current.Sender))
                throw new IllegalActorStateException($"Can't stash the same message {current.Message} more than once");
        }

        _stashed.Add(current);
    }

    public void Unstash()
    {
        if (_stashed.Count == 0)
            return;
        cell.Mailbox.PrependOne(_stashed[0]);
        _stashed.RemoveAt(0);
    }

    public void UnstashAll() => UnstashAllToMailbox();

    public void UnstashAll(Func<Envelope, bool> predicate)
    {
        ArgumentNullException.ThrowIfNull(predicate);
        var selected = _stashed.Where(predicate).ToList();
        _stashed.RemoveAll(e => predicate(e));
        cell.Mailbox.Prepend(selected);
    }

    public IEnumerable<Envelope> ClearStash()
    {
        var all = _stashed.ToArray();
        _stashed.Clear();
        return all;
    }

    public void Prepend(IEnumerable<Envelope> envelopes) => _stashed.InsertRange(0, envelopes);

    internal void UnstashAllToMailbox()
    {
        cell.Mailbox.Prepend(_stashed);
        _stashed.Clear();
    }
}
