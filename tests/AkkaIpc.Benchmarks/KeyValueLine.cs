using System.Globalization;

namespace AkkaIpc.Benchmarks;

/// <summary>
/// The figures peers send back on one protocol line: <c>WORD key=value key=value ...</c>, numbers in the invariant
/// culture. Named fields keep the two sides from silently disagreeing about which number is which.
/// </summary>
internal static class KeyValueLine
{
    public static string Format(string word, params (string Key, double Value)[] fields) =>
        word + string.Concat(fields.Select(f => string.Create(CultureInfo.InvariantCulture, $" {f.Key}={f.Value:R}")));

    /// <summary>Parses a line that must start with <paramref name="word"/>; throws, quoting the line, otherwise.</summary>
    public static IReadOnlyDictionary<string, double> Parse(string line, string word)
    {
        var parts = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length == 0 || parts[0] != word)
            throw new InvalidOperationException($"expected '{word} key=value...', got '{line}'");
        var fields = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var part in parts.Skip(1))
        {
            var eq = part.IndexOf('=', StringComparison.Ordinal);
            if (eq <= 0 || !double.TryParse(part.AsSpan(eq + 1), NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
                throw new InvalidOperationException($"bad field '{part}' in '{line}'");
            fields[part[..eq]] = value;
        }

        return fields;
    }

    /// <summary>A field that must be there.</summary>
    public static double Get(this IReadOnlyDictionary<string, double> fields, string key) =>
        fields.TryGetValue(key, out var value) ? value : throw new InvalidOperationException($"the peer's answer has no '{key}'");
}
