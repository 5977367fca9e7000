namespace Akka.Event;

/// <summary>A log event at info level.</summary>
public class Info : LogEvent
{
    /// <summary>Creates the event.</summary>
    public Info(string logSource, Type logClass, object message)
        : this(null, logSource, logClass, message)
    {
    }

    /// <summary>Creates the event with a cause.</summary>
    public Info(Exception cause, string logSource, Type logClass, object message)
    {
        Cause = cause;
        LogSource = logSource;
        LogClass = logClass;
        Message = message;
    }

    /// <inheritdoc />
    public override LogLevel LogLevel() => Event.LogLevel.InfoLevel;
}
