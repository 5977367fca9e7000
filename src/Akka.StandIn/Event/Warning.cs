namespace Akka.Event;

/// <summary>A log event at warning level.</summary>
public class Warning : LogEvent
{
    /// <summary>Creates the event.</summary>
    public Warning(string logSource, Type logClass, object message)
        : this(null, logSource, logClass, message)
    {
    }

    /// <summary>Creates the event with a cause.</summary>
    public Warning(Exception cause, string logSource, Type logClass, object message)
    {
        Cause = cause;
        LogSource = logSource;
        LogClass = logClass;
        Message = message;
    }

    /// <inheritdoc />
    public override LogLevel LogLevel() => Event.LogLevel.WarningLevel;
}
