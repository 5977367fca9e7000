namespace Akka.Event;

/// <summary>A log event at debug level.</summary>
public class Debug : LogEvent
{
    /// <summary>Creates the event.</summary>
    public Debug(string logSource, Type logClass, object message)
        : this(null, logSource, logClass, message)
    {
    }

    /// <summary>Creates the event with a cause.</summary>
    public Debug(Exception cause, string logSource, Type logClass, object message)
    {
        Cause = cause;
        LogSource = logSource;
        LogClass = logClass;
        Message = message;
    }

    /// <inheritdoc />
    public override LogLevel LogLevel() => Event.LogLevel.DebugLevel;
}
