using Akka.Actor;

namespace Akka.Event;

/// <summary>A log entry published on the event stream; the configured loggers print it.</summary>
public abstract class LogEvent : INoSerializationVerificationNeeded
{
    /// <summary>Stamps the event with the current time and thread.</summary>
    protected LogEvent()
    {
        Timestamp = DateTime.UtcNow;
        Thread = System.Threading.Thread.CurrentThread;
    }

    /// <summary>The exception, if any.</summary>
    public Exception Cause { get; set; }

    /// <summary>Who logged it, usually an actor path.</summary>
    public string LogSource { get; set; }

    /// <summary>The type that logged it.</summary>
    public Type LogClass { get; set; }

    /// <summary>The message (a <see cref="LogMessage"/> or a string); <c>ToString()</c> gives the text.</summary>
    public object Message { get; set; }

    /// <summary>When it was logged (UTC).</summary>
    public DateTime Timestamp { get; }

    /// <summary>The thread that logged it.</summary>
    public Thread Thread { get; }

    /// <summary>The level.</summary>
    public abstract LogLevel LogLevel();

    /// <summary>Formats as <c>[LEVEL][timestamp][Thread n][source] message</c>, followed by the cause.</summary>
    public override string ToString()
    {
        var level = LogLevel().StringFor();
        var text = $"[{level}][{Timestamp:yyyy-MM-dd HH:mm:ss.fff}Z][Thread {Thread.ManagedThreadId:0000}][{LogSource}] {Message}";
        return Cause is null ? text : text + Environment.NewLine + "Cause: " + Cause;
    }
}
