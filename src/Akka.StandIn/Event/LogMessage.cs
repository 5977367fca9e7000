namespace Akka.Event;

/// <summary>A log message whose text is formatted only when printed.</summary>
public abstract class LogMessage
{
    /// <summary>Creates the message.</summary>
    public LogMessage(ILogMessageFormatter formatter, string format)
    {
        Formatter = formatter;
        Format = format;
    }

    /// <summary>The format string.</summary>
    public string Format { get; }

    /// <summary>The formatter.</summary>
    protected ILogMessageFormatter Formatter { get; }

    /// <summary>The format arguments.</summary>
    public abstract IEnumerable<object> Parameters();

    /// <summary>The format string, unformatted.</summary>
    public abstract string Unformatted();

    /// <summary>The formatted text.</summary>
    public override string ToString() => Formatter.Format(Format, Parameters());
}
