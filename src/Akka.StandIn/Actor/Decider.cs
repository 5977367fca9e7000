namespace Akka.Actor;

/// <summary>Factories for deciders.</summary>
public static class Decider
{
    /// <summary>A decider backed by <paramref name="localOnlyDecider"/>.</summary>
    public static LocalOnlyDecider From(Func<Exception, Directive> localOnlyDecider) => new(localOnlyDecider);

    /// <summary>A decider from (exception type → directive) pairs with a default.</summary>
    public static DeployableDecider From(Directive defaultDirective, params KeyValuePair<Type, Directive>[] pairs) =>
        new(defaultDirective, pairs);
}
