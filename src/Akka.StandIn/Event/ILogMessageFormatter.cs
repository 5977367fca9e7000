namespace Akka.Event;

/// <summary>Turns a format string and its arguments into text.</summary>
public interface ILogMessageFormatter
{
    /// <summary>Formats with positional <c>{0}</c> placeholders.</summary>
    string Format(string format, params object[] args);

    /// <summary>Formats with positional <c>{0}</c> placeholders.</summary>
    string Format(string format, IEnumerable<object> args);
}
