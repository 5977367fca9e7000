using Akka.Actor;
using Akka.Event;
using Akka.TestKit.Internal;

namespace Akka.TestKit;

/// <summary>
/// Builds event filters over the log events reaching the TestEventListener (configured by the TestKit's
/// default config). Text criteria: <c>message</c> = exact text, else <c>start</c> = prefix, else
/// <c>contains</c> = substring; <c>source</c> = exact log source (usually the actor path).
/// </summary>
public sealed class EventFilterFactory
{
    private readonly TestKitBase _testKit;
    private readonly ActorSystem _system;
    private readonly IReadOnlyList<LogEventFilter> _previous;

    /// <summary>Creates filters over <paramref name="testKit"/>'s system.</summary>
    /// <param name="testKit">The TestKit whose timing settings and assertions apply.</param>
    public EventFilterFactory(TestKitBase testKit)
        : this(testKit, testKit?.Sys, [])
    {
    }

    /// <summary>Creates filters over <paramref name="actorSystem"/>'s log events.</summary>
    /// <param name="testKit">The TestKit whose timing settings and assertions apply.</param>
    /// <param name="actorSystem">The system whose events are filtered.</param>
    public EventFilterFactory(TestKitBase testKit, ActorSystem actorSystem)
        : this(testKit, actorSystem, [])
    {
    }

    internal EventFilterFactory(TestKitBase testKit, ActorSystem actorSystem, IReadOnlyList<LogEventFilter> previous)
    {
        ArgumentNullException.ThrowIfNull(testKit);
        ArgumentNullException.ThrowIfNull(actorSystem);
        _testKit = testKit;
        _system = actorSystem;
        _previous = previous;
    }

    /// <summary>Matches Error events whose cause is a <typeparamref name="TException"/> (the event's or the cause's message must meet the text criteria).</summary>
    /// <typeparam name="TException">The exception type (subtypes match).</typeparam>
    /// <param name="message">Exact text.</param>
    /// <param name="start">Text prefix.</param>
    /// <param name="contains">Substring.</param>
    /// <param name="source">Exact log source.</param>
    public IEventFilterApplier Exception<TException>(string message = null, string start = null, string contains = null, string source = null)
        where TException : Exception => Exception(typeof(TException), message, start, contains, source);

    /// <summary>Matches Error events whose cause is an <paramref name="exceptionType"/>.</summary>
    /// <param name="exceptionType">The exception type (subtypes match).</param>
    /// <param name="message">Exact text.</param>
    /// <param name="start">Text prefix.</param>
    /// <param name="contains">Substring.</param>
    /// <param name="source">Exact log source.</param>
    /// <param name="checkInnerExceptions">Whether inner exceptions of the cause are examined too.</param>
    public IEventFilterApplier Exception(Type exceptionType, string message = null, string start = null, string contains = null, string source = null, bool checkInnerExceptions = false)
    {
        ArgumentNullException.ThrowIfNull(exceptionType);
        return With(new ExceptionFilter(exceptionType, message, start, contains, source, checkInnerExceptions));
    }

    /// <summary>Matches Error events (with or without a cause).</summary>
    /// <param name="message">Exact text.</param>
    /// <param name="start">Text prefix.</param>
    /// <param name="contains">Substring.</param>
    /// <param name="source">Exact log source.</param>
    public IEventFilterApplier Error(string message = null, string start = null, string contains = null, string source = null) =>
        With(new LevelFilter<Error>(message, start, contains, source));

    /// <summary>Matches Warning events (including the ones published for dead letters).</summary>
    /// <param name="message">Exact text.</param>
    /// <param name="start">Text prefix.</param>
    /// <param name="contains">Substring.</param>
    /// <param name="source">Exact log source.</param>
    public IEventFilterApplier Warning(string message = null, string start = null, string contains = null, string source = null) =>
        With(new LevelFilter<Warning>(message, start, contains, source));

    /// <summary>Matches Info events.</summary>
    /// <param name="message">Exact text.</param>
    /// <param name="start">Text prefix.</param>
    /// <param name="contains">Substring.</param>
    /// <param name="source">Exact log source.</param>
    public IEventFilterApplier Info(string message = null, string start = null, string contains = null, string source = null) =>
        With(new LevelFilter<Info>(message, start, contains, source));

    /// <summary>Matches Debug events (only published when <c>akka.loglevel = DEBUG</c>).</summary>
    /// <param name="message">Exact text.</param>
    /// <param name="start">Text prefix.</param>
    /// <param name="contains">Substring.</param>
    /// <param name="source">Exact log source.</param>
    public IEventFilterApplier Debug(string message = null, string start = null, string contains = null, string source = null) =>
        With(new LevelFilter<Debug>(message, start, contains, source));

    /// <summary>Matches every dead letter.</summary>
    public IEventFilterApplier DeadLetter() => With(new DeadLetterFilter(typeof(object), null, null));

    /// <summary>Matches dead letters carrying a <typeparamref name="TMessage"/>.</summary>
    /// <typeparam name="TMessage">The undelivered message's type.</typeparam>
    /// <param name="source">Exact log source (the recipient's path).</param>
    public IEventFilterApplier DeadLetter<TMessage>(string source = null) =>
        With(new DeadLetterFilter(typeof(TMessage), null, source));

    /// <summary>Matches dead letters carrying a <typeparamref name="TMessage"/> that <paramref name="isMatch"/> accepts.</summary>
    /// <typeparam name="TMessage">The undelivered message's type.</typeparam>
    /// <param name="isMatch">Returns true for the dead letters to match.</param>
    /// <param name="source">Exact log source (the recipient's path).</param>
    public IEventFilterApplier DeadLetter<TMessage>(Func<TMessage, bool> isMatch, string source = null)
    {
        ArgumentNullException.ThrowIfNull(isMatch);
        return With(new DeadLetterFilter(typeof(TMessage), m => isMatch((TMessage)m), source));
    }

    /// <summary>Matches log events <paramref name="predicate"/> accepts.</summary>
    /// <param name="predicate">Returns true for the events to match.</param>
    public IEventFilterApplier Custom(Predicate<LogEvent> predicate)
    {
        ArgumentNullException.ThrowIfNull(predicate);
        return With(new CustomFilter(predicate));
    }

    private EventFilterApplier With(LogEventFilter filter) => new(_testKit, _system, [.. _previous, filter]);
}
