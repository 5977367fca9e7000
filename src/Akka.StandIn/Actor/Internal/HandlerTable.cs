namespace Akka.Actor.Internal;

/// <summary>
/// A ReceiveActor behaviour: handlers in declaration order; the first whose type matches and that
/// accepts the message handles it. A catch-all must come last.
/// </summary>
internal sealed class HandlerTable
{
    private readonly List<Func<object, bool>> _handlers = new();
    private bool _hasCatchAll;
    private Func<object, bool>[] _sealed;

    public void Add(Func<object, bool> handler, bool catchAll = false)
    {
        if (_sealed is not null)
            throw new InvalidOperationException("Handlers can only be added in the constructor or in a Become configure callback");
        if (_hasCatchAll)
            throw new InvalidOperationException("A handler that catches all messages has been added; no handler may follow it");
        _handlers.Add(handler);
        _hasCatchAll = catchAll;
    }

    public void Seal() => _sealed = _handlers.ToArray();

    public bool Handle(object message)
    {
        foreach (var handler in _sealed)
        {
            if (handler(message))
                return true;
        }

        return false;
    }
}
