using Akka.Event;

namespace Akka.TestKit.Internal;

/// <summary>
/// One criterion for log events. The text criteria follow Akka: <c>message</c> must equal the text,
/// else <c>start</c> must prefix it, else <c>contains</c> must occur in it; <c>source</c>, when given,
/// must equal the log source.
/// </summary>
internal abstract class LogEventFilter
{
    private readonly string _message;
    private readonly string _start;
    private readonly string _contains;
    private readonly string _source;

    protected LogEventFilter(string message, string start, string contains, string source)
    {
        _message = message;
        _start = start;
        _contains = contains;
        _source = source;
    }

    internal abstract bool IsMatch(LogEvent logEvent);

    public override string ToString()
    {
        var parts = new List<string> { GetType().Name.Replace("Filter", "", StringComparison.Ordinal) };
        if (_message != null)
            parts.Add($"message == \"{_message}\"");
        if (_start != null)
            parts.Add($"message starts with \"{_start}\"");
        if (_contains != null)
            parts.Add($"message contains \"{_contains}\"");
        if (_source != null)
            parts.Add($"source == \"{_source}\"");
        return string.Join(", ", parts);
    }

    protected bool SourceMatches(string logSource) => _source == null || _source == logSource;

    protected bool TextMatches(object message)
    {
        var text = message?.ToString() ?? "null";
        if (_message != null)
            return text == _message;
        if (_start != null)
            return text.StartsWith(_start, StringComparison.Ordinal);
        return _contains == null || text.Contains(_contains, StringComparison.Ordinal);
    }

    protected bool Matches(string logSource, object message) => SourceMatches(logSource) && TextMatches(message);
}
