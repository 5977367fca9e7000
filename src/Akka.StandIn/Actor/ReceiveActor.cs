using Akka.Actor.Internal;

namespace Akka.Actor;

/// <summary>
/// An actor whose behaviour is a table of typed handlers declared in the constructor (or in a
/// <see cref="Become(Action)"/> configure callback). Messages no handler accepts go to <c>Unhandled</c>.
/// </summary>
public abstract partial class ReceiveActor : UntypedActor
{
    private HandlerTable _building = new();
    private HandlerTable _initial;

    /// <summary>Handles the message with the initial handler table.</summary>
    protected sealed override void OnReceive(object message)
    {
        if (!_initial.Handle(message))
            Unhandled(message);
    }

    /// <summary>Switches to a new handler table built by <paramref name="configure"/>, replacing the current behaviour.</summary>
    protected void Become(Action configure) => Become(Build(configure));

    /// <summary>Pushes a new handler table built by <paramref name="configure"/>.</summary>
    protected void BecomeStacked(Action configure) => BecomeStacked(Build(configure));

    internal override void Constructed()
    {
        _initial = _building;
        _initial.Seal();
        _building = null;
    }

    private Receive Build(Action configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        var saved = _building;
        var table = new HandlerTable();
        _building = table;
        try
        {
            configure();
        }
        finally
        {
            _building = saved;
        }

        table.Seal();
        return table.Handle;
    }

    private void AddHandler(Func<object, bool> handler, bool catchAll = false)
    {
        if (_building is null)
            throw new InvalidOperationException(
                "Receive handlers can only be declared in the constructor or in a Become(Action) configure callback");
        _building.Add(handler, catchAll);
    }
}
