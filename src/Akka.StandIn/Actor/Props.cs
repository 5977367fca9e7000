using System.Linq.Expressions;
using System.Reflection;
using Akka.Actor.Internal;

namespace Akka.Actor;

/// <summary>
/// An immutable recipe for creating an actor: its type, constructor arguments and options. The
/// <c>With*</c> methods return modified copies.
/// </summary>
public class Props
{
    private readonly Func<ActorBase> _factory;

    private Props(Type type, object[] arguments, Func<ActorBase> factory, SupervisorStrategy supervisorStrategy, string dispatcher, string mailbox)
    {
        Type = type;
        Arguments = arguments;
        _factory = factory;
        SupervisorStrategy = supervisorStrategy;
        Dispatcher = dispatcher;
        Mailbox = mailbox;
    }

    /// <summary>Props of an actor that ignores every message.</summary>
    public static Props Empty { get; } = Create<EmptyActor>();

    /// <summary>No props (null).</summary>
    public static readonly Props None = null;

    /// <summary>The actor type.</summary>
    public Type Type { get; }

    /// <summary>The constructor arguments, evaluated once when the props were created.</summary>
    public object[] Arguments { get; }

    /// <summary>A strategy that overrides the actor's own <c>SupervisorStrategy()</c>; null if none.</summary>
    public SupervisorStrategy SupervisorStrategy { get; protected set; }

    /// <summary>The dispatcher id (accepted and ignored by the stand-in).</summary>
    public string Dispatcher { get; }

    /// <summary>The mailbox id (accepted and ignored by the stand-in).</summary>
    public string Mailbox { get; }

    /// <summary>
    /// Props from a <c>() =&gt; new TActor(args)</c> expression. The arguments are evaluated once, now, and
    /// reused for every incarnation (restarts included).
    /// </summary>
    /// <exception cref="ArgumentException">The body is not a <c>new</c> expression.</exception>
    public static Props Create<TActor>(Expression<Func<TActor>> factory, SupervisorStrategy supervisorStrategy = null)
        where TActor : ActorBase
    {
        ArgumentNullException.ThrowIfNull(factory);
        switch (factory.Body)
        {
            case NewExpression newExpression:
            {
                // Akka keeps only the evaluated arguments and later builds the actor with Activator from
                // typeof(TActor): the constructor is picked by the arguments' runtime types among the
                // public ones, so a non-public constructor fails there and must fail here too.
                var args = newExpression.Arguments.Select(Evaluate).ToArray();
                return Create(typeof(TActor), args).WithSupervisorStrategy(supervisorStrategy);
            }

            case UnaryExpression:
            {
                var compiled = factory.Compile();
                return new Props(typeof(TActor), Array.Empty<object>(), () => compiled(), supervisorStrategy, null, null);
            }

            default:
                throw new ArgumentException("The create function must be a 'new T (args)' expression", nameof(factory));
        }
    }

    /// <summary>Props for <typeparamref name="TActor"/>; the constructor is chosen by the runtime types of <paramref name="args"/>.</summary>
    public static Props Create<TActor>(params object[] args) where TActor : ActorBase => Create(typeof(TActor), args);

    /// <summary>Props for <typeparamref name="TActor"/> with a supervisor strategy for its children.</summary>
    public static Props Create<TActor>(SupervisorStrategy supervisorStrategy) where TActor : ActorBase, new() =>
        Create(typeof(TActor)).WithSupervisorStrategy(supervisorStrategy);

    /// <summary>Props for <paramref name="type"/>; the constructor is chosen by the runtime types of <paramref name="args"/>.</summary>
    /// <exception cref="ArgumentException"><paramref name="type"/> is not an actor type.</exception>
    public static Props Create(Type type, params object[] args)
    {
        ArgumentNullException.ThrowIfNull(type);
        if (!typeof(ActorBase).IsAssignableFrom(type) || type.IsAbstract)
            throw new ArgumentException($"{type} is not a concrete actor type", nameof(type));
        args ??= Array.Empty<object>();
        return new Props(
            type,
            args,
            () => (ActorBase)Activator.CreateInstance(
                type,
                BindingFlags.Instance | BindingFlags.Public | BindingFlags.CreateInstance | BindingFlags.DoNotWrapExceptions,
                null,
                args,
                null),
            null,
            null,
            null);
    }

    /// <summary>Props for the runtime's own actors whose constructors are not public (e.g. the backoff supervisors).</summary>
    internal static Props CreateInternal(Type type, Func<ActorBase> factory, params object[] args) =>
        new(type, args, factory, null, null, null);

    /// <summary>A copy whose children are supervised by <paramref name="supervisorStrategy"/>, overriding the actor's own.</summary>
    public Props WithSupervisorStrategy(SupervisorStrategy supervisorStrategy) =>
        new(Type, Arguments, _factory, supervisorStrategy, Dispatcher, Mailbox);

    /// <summary>A copy with a dispatcher id (ignored by the stand-in).</summary>
    public Props WithDispatcher(string dispatcher) => new(Type, Arguments, _factory, SupervisorStrategy, dispatcher, Mailbox);

    /// <summary>A copy with a mailbox id (ignored by the stand-in).</summary>
    public Props WithMailbox(string mailbox) => new(Type, Arguments, _factory, SupervisorStrategy, Dispatcher, mailbox);

    internal ActorBase NewActor() => _factory();

    private static object Evaluate(Expression expression) => expression switch
    {
        ConstantExpression constant => constant.Value,
        _ => Expression.Lambda<Func<object>>(Expression.Convert(expression, typeof(object))).Compile()(),
    };
}
