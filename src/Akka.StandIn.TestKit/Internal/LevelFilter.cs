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
