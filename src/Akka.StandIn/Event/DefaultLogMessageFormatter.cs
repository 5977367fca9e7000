using System.Globalization;

namespace Akka.Event;

/// <summary><see cref="string.Format(IFormatProvider, string, object[])"/> with the invariant culture.</summary>
public class DefaultLogMessageFormatter : ILogMessageFormatter
{
    /// <summary>The shared instance.</summary>
    public static readonly DefaultLogMessageFormatter Instance = new();

    /// <inheritdoc />
    public string Format(string format, params object[] args) =>
        args is null || args.Length == 0 ? format : string.Format(CultureInfo.InvariantCulture, format, args);

    /// <inheritdoc />
    public string Format(string format, IEnumerable<object> args) => Format(format, args?.ToArray());
}
