using Akka.Event;

namespace Akka.TestKit.Internal;

/// <summary>Matches events of one log level (Error, Warning, Info or Debug).</summary>
internal sealed class LevelFilter<TEvent> : LogEventFilter
    where TEvent : LogEvent
{
    internal LevelFilter(string message, string start, string contains, string source)
        : base(message, start, contains, source)
    {
    }

    internal override bool IsMatch(LogEvent logEvent) =>
        logEvent is TEvent && Matches(logEvent.LogSource, logEvent.Message);

    public override string ToString() => typeof(TEvent).Name + " " + base.ToString();
}

/// <summary>Matches Error events whose cause is (or, optionally, wraps) the given exception type.</summary>
internal sealed class ExceptionFilter : LogEventFilter
{
    private readonly Type _exceptionType;
    private readonly bool _checkInnerExceptions;

    internal ExceptionFilter(Type exceptionType, string message, string start, string contains, string source, bool checkInnerExceptions)
        : base(message, start, contains, source)
    {
        _exceptionType = exceptionType;
        _checkInnerExceptions = checkInnerExceptions;
    }

    internal override bool IsMatch(LogEvent logEvent)
    {
        if (logEvent is not Error { Cause: { } cause } || !SourceMatches(logEvent.LogSource))
            return false;
        for (var current = cause; current != null; current = _checkInnerExceptions ? current.InnerException : null)
        {
            if (_exceptionType.IsInstanceOfType(current))
                return TextMatches(logEvent.Message) || TextMatches(current.Message);
        }

        return false;
    }

    public override string ToString() => _exceptionType.Name + " " + base.ToString();
}

/// <summary>Matches the Warning the TestEventListener publishes for a dead letter.</summary>
internal sealed class DeadLetterFilter : LogEventFilter
{
    private readonly Type _messageType;
    private readonly Func<object, bool> _isMatch;

    internal DeadLetterFilter(Type messageType, Func<object, bool> isMatch, string source)
        : base(null, null, null, source)
    {
        _messageType = messageType;
        _isMatch = isMatch;
    }

    internal override bool IsMatch(LogEvent logEvent) =>
        logEvent is Warning { Message: DeadLetter deadLetter }
        && _messageType.IsInstanceOfType(deadLetter.Message)
        && (_isMatch == null || _isMatch(deadLetter.Message))
        && SourceMatches(logEvent.LogSource);

    public override string ToString() => $"DeadLetter of {_messageType.Name} " + base.ToString();
}

/// <summary>Matches events a caller-supplied predicate accepts.</summary>
internal sealed class CustomFilter : LogEventFilter
{
    private readonly Predicate<LogEvent> _predicate;

    internal CustomFilter(Predicate<LogEvent> predicate)
        : base(null, null, null, null)
    {
        _predicate = predicate;
    }

    internal override bool IsMatch(LogEvent logEvent) => _predicate(logEvent);

    public override string ToString() => "Custom predicate";
}
