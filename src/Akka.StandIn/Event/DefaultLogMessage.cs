namespace Akka.Event;

/// <summary>A <see cref="LogMessage"/> with its arguments in an array.</summary>
internal sealed class DefaultLogMessage(ILogMessageFormatter formatter, string format, object[] args) : LogMessage(formatter, format)
{
    public override IEnumerable<object> Parameters() => args;

    public override string Unformatted() => Format;

    public override string ToString()
    {
        try
        {
            return Formatter.Format(Format, args);
        }
        catch (FormatException)
        {
            // A malformed format string must not make logging throw; show it raw with its arguments.
            return Format + (args.Length == 0 ? string.Empty : " [" + string.Join(", ", args) + "]");
        }
    }
}
