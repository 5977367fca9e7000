namespace Akka.Event;

/// <summary>A logging adapter that discards everything.</summary>
public sealed class NoLogger : ILoggingAdapter
{
    /// <summary>The single instance.</summary>
    public static readonly ILoggingAdapter Instance = new NoLogger();

    private NoLogger()
    {
    }

    /// <inheritdoc />
    public ILogMessageFormatter Formatter => DefaultLogMessageFormatter.Instance;

    /// <inheritdoc />
    public bool IsDebugEnabled => false;

    /// <inheritdoc />
    public bool IsInfoEnabled => false;

    /// <inheritdoc />
    public bool IsWarningEnabled => false;

    /// <inheritdoc />
    public bool IsErrorEnabled => false;

    /// <inheritdoc />
    public bool IsEnabled(LogLevel logLevel) => false;

    /// <inheritdoc />
    public void Log(LogLevel logLevel, Exception cause, string format)
    {
    }

    /// <inheritdoc />
    public void Log(LogLevel logLevel, Exception cause, LogMessage message)
    {
    }
}
