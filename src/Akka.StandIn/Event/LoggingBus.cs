using Akka.Actor;

namespace Akka.Event;

/// <summary>An event bus that also carries the system's log level.</summary>
public abstract class LoggingBus : ActorEventBus<object, Type>
{
    /// <summary>Events below this level are not published by logging adapters.</summary>
    public LogLevel LogLevel { get; private set; } = LogLevel.InfoLevel;

    /// <summary>Changes the level.</summary>
    public void SetLogLevel(LogLevel logLevel) => LogLevel = logLevel;
}
