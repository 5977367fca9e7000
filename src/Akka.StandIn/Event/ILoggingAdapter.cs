namespace Akka.Event;

/// <summary>
/// Publishes log events. The level-named methods (<c>Info</c>, <c>Error</c>, ...) are extension methods in
/// <see cref="LoggingExtensions"/>.
/// </summary>
public interface ILoggingAdapter
{
    /// <summary>The formatter used for messages.</summary>
    ILogMessageFormatter Formatter { get; }

    /// <summary>True when debug events are published (akka.loglevel = DEBUG).</summary>
    bool IsDebugEnabled { get; }

    /// <summary>True when info events are published.</summary>
    bool IsInfoEnabled { get; }

    /// <summary>True when warning events are published.</summary>
    bool IsWarningEnabled { get; }

    /// <summary>True when error events are published.</summary>
    bool IsErrorEnabled { get; }

    /// <summary>True when events of <paramref name="logLevel"/> are published.</summary>
    bool IsEnabled(LogLevel logLevel);

    /// <summary>Publishes <paramref name="format"/> (no arguments) at <paramref name="logLevel"/>.</summary>
    void Log(LogLevel logLevel, Exception cause, string format);

    /// <summary>Publishes <paramref name="message"/> at <paramref name="logLevel"/>.</summary>
    void Log(LogLevel logLevel, Exception cause, LogMessage message);
}
