using Akka.Event;

namespace Akka.TestKit.Internal;

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
