using Akka.Event;

namespace Akka.TestKit.Internal;

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
