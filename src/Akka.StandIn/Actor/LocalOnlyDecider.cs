namespace Akka.Actor;

/// <summary>A decider backed by a function.</summary>
public class LocalOnlyDecider : IDecider
{
    private readonly Func<Exception, Directive> _decider;

    /// <summary>Creates the decider.</summary>
    public LocalOnlyDecider(Func<Exception, Directive> decider)
    {
        ArgumentNullException.ThrowIfNull(decider);
        _decider = decider;
    }

    /// <inheritdoc />
    public Directive Decide(Exception cause) => _decider(cause);
}
