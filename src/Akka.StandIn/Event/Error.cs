namespace Akka.Event;

/// <summary>A log event at error level; supervisors publish one for every Restart and Stop.</summary>
public class Error : LogEvent
{
    /// <summary>Creates the event; <paramref name="cause"/> may be null.</summary>
    public Error(Exception cause, string logSource, Type logClass, object message)
    {
        Cause = cause;
        LogSource = logSource;
        LogClass = logClass;
        Message = message;
    }

    /// <inheritdoc />
    public override LogLevel LogLevel() => Event.LogLevel.ErrorLevel;
}
