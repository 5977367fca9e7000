namespace Akka.Event;

/// <summary>A logging adapter that publishes on a <see cref="LoggingBus"/>, filtered by the bus's level.</summary>
internal sealed class BusLogging(LoggingBus bus, string logSource, Type logClass, ILogMessageFormatter formatter) : ILoggingAdapter
{
    public ILogMessageFormatter Formatter { get; } = formatter ?? DefaultLogMessageFormatter.Instance;

    public bool IsDebugEnabled => IsEnabled(LogLevel.DebugLevel);

    public bool IsInfoEnabled => IsEnabled(LogLevel.InfoLevel);

    public bool IsWarningEnabled => IsEnabled(LogLevel.WarningLevel);

    public bool IsErrorEnabled => IsEnabled(LogLevel.ErrorLevel);

    public bool IsEnabled(LogLevel logLevel) => logLevel >= bus.LogLevel;

    public void Log(LogLevel logLevel, Exception cause, string format) =>
        Log(logLevel, cause, new DefaultLogMessage(Formatter, format, Array.Empty<object>()));

    public void Log(LogLevel logLevel, Exception cause, LogMessage message)
    {
        if (!IsEnabled(logLevel))
            return;
        LogEvent e = logLevel switch
        {
            LogLevel.DebugLevel => new Debug(cause, logSource, logClass, message),
            LogLevel.InfoLevel => new Info(cause, logSource, logClass, message),
            LogLevel.WarningLevel => new Warning(cause, logSource, logClass, message),
            _ => new Error(cause, logSource, logClass, message),
        };
        bus.Publish(e);
    }
}
