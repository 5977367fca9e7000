namespace Akka.Actor;

/// <summary>Helpers to build decider pairs.</summary>
public static class DirectiveExtensions
{
    /// <summary>The pair (<typeparamref name="TException"/>, <paramref name="self"/>).</summary>
    public static KeyValuePair<Type, Directive> When<TException>(this Directive self) where TException : Exception =>
        new(typeof(TException), self);
}
