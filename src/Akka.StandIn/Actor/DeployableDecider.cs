namespace Akka.Actor;

/// <summary>A decider from (exception type → directive) pairs; the first assignable pair wins.</summary>
public class DeployableDecider : IDecider
{
    /// <summary>Creates the decider.</summary>
    public DeployableDecider(Directive defaultDirective, IEnumerable<KeyValuePair<Type, Directive>> pairs)
    {
        DefaultDirective = defaultDirective;
        Pairs = pairs?.ToArray() ?? Array.Empty<KeyValuePair<Type, Directive>>();
    }

    /// <summary>Creates the decider.</summary>
    public DeployableDecider(Directive defaultDirective, params KeyValuePair<Type, Directive>[] pairs)
        : this(defaultDirective, (IEnumerable<KeyValuePair<Type, Directive>>)pairs)
    {
    }

    /// <summary>The directive when no pair matches.</summary>
    public Directive DefaultDirective { get; }

    /// <summary>The pairs, in matching order.</summary>
    public KeyValuePair<Type, Directive>[] Pairs { get; }

    /// <inheritdoc />
    public Directive Decide(Exception cause)
    {
        foreach (var pair in Pairs)
        {
            if (pair.Key.IsInstanceOfType(cause))
                return pair.Value;
        }

        return DefaultDirective;
    }
}
