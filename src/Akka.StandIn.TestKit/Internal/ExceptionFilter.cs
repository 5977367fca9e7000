using Akka.Event;

namespace Akka.TestKit.Internal;

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
