using System.Globalization;
using Akka.Configuration;

namespace AkkaIpc.Internal;

/// <summary>
/// Reads and validates akka.ipc keys. Every failure is a <see cref="ConfigurationException"/> whose message starts
/// with the key's full path, e.g. <c>akka.ipc.backoff.min: must be &gt; 0, was -1s</c>. No defaults here: the
/// embedded reference.conf is always the fallback, so a missing key is itself an error.
/// </summary>
internal sealed class SettingsReader
{
    private readonly Config _config;

    public SettingsReader(Config config) => _config = config;

    public TimeSpan Duration(string path, TimeSpan max)
    {
        var raw = Raw(path);
        TimeSpan value;
        try
        {
            value = _config.GetTimeSpan(path, null, allowInfinite: false);
        }
        catch (Exception ex) when (ex is not ConfigurationException)
        {
            // Akka's parser rejects negative durations outright; say so in the key's terms.
            throw raw.TrimStart().StartsWith('-')
                ? Fail(path, $"must be > 0, was {raw}")
                : Fail(path, $"must be a duration with a unit such as 200ms or 5s, was '{raw}'", ex);
        }

        if (value <= TimeSpan.Zero)
            throw Fail(path, $"must be > 0, was {raw}");
        if (value > max)
            throw Fail(path, $"must be <= {Format(max)}, was {raw}");
        return value;
    }

    public int Int(string path, int min, int max)
    {
        var raw = Raw(path);
        if (!long.TryParse(raw, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value))
            throw Fail(path, $"must be a whole number, was '{raw}'");
        if (value < min || value > max)
            throw Fail(path, $"must be between {min} and {max}, was {raw}");
        return (int)value;
    }

    public double Double(string path, double min, double max)
    {
        var raw = Raw(path);
        if (!double.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || double.IsNaN(value))
            throw Fail(path, $"must be a number, was '{raw}'");
        if (value < min || value > max)
            throw Fail(path, $"must be between {min.ToString(CultureInfo.InvariantCulture)} and " +
                             $"{max.ToString(CultureInfo.InvariantCulture)}, was {raw}");
        return value;
    }

    public int ByteSize(string path, long min, long max)
    {
        var raw = Raw(path);
        var value = ParseByteSize(raw)
            ?? throw Fail(path, $"must be a byte size such as 65536, 64KiB or 4MiB, was '{raw}'");
        if (value < min || value > max)
            throw Fail(path, $"must be between {min} and {max} bytes, was {raw}");
        return (int)value;
    }

    /// <summary>
    /// HOCON byte sizes, parsed here rather than by Config.GetByteSize so every Akka implementation reads them alike:
    /// a whole number, optionally followed by a unit (case-sensitive as in HOCON: k/K/Ki/KiB = 1024, kB = 1000, ...).
    /// </summary>
    internal static long? ParseByteSize(string raw)
    {
        var text = raw.Trim();
        var digits = 0;
        while (digits < text.Length && char.IsAsciiDigit(text[digits]))
            digits++;
        if (digits == 0 || !long.TryParse(text.AsSpan(0, digits), NumberStyles.None, CultureInfo.InvariantCulture, out var number))
            return null;
        long? factor = text[digits..].Trim() switch
        {
            "" or "b" or "B" or "byte" or "bytes" => 1L,
            "k" or "K" or "Ki" or "KiB" or "kibibyte" or "kibibytes" => 1L << 10,
            "kB" or "kilobyte" or "kilobytes" => 1000L,
            "m" or "M" or "Mi" or "MiB" or "mebibyte" or "mebibytes" => 1L << 20,
            "MB" or "megabyte" or "megabytes" => 1000L * 1000,
            "g" or "G" or "Gi" or "GiB" or "gibibyte" or "gibibytes" => 1L << 30,
            "GB" or "gigabyte" or "gigabytes" => 1000L * 1000 * 1000,
            _ => null,
        };
        return factor is { } f && number <= long.MaxValue / f ? number * f : null;
    }

    public bool Boolean(string path)
    {
        var raw = Raw(path);
        return raw.ToUpperInvariant() switch
        {
            "ON" or "TRUE" => true,
            "OFF" or "FALSE" => false,
            _ => throw Fail(path, $"must be on or off, was '{raw}'"),
        };
    }

    public string String(string path) => Raw(path);

    public IReadOnlyList<int> IntList(string path, int min)
    {
        Require(path);

        // Akka.NET 1.5 reads a single value as an empty list ("own uid only"): refuse it rather than narrow silently.
        if (SingleValue(path) is { } single)
            throw Fail(path, $"must be a list of whole numbers such as [1000, 1001], was '{single}'");
        IList<int> values;
        try
        {
            values = _config.GetIntList(path);
        }
        catch (Exception ex) when (ex is not ConfigurationException)
        {
            throw Fail(path, "must be a list of whole numbers such as [1000, 1001]", ex);
        }

        foreach (var value in values)
        {
            if (value < min)
                throw Fail(path, $"every entry must be >= {min}, was {value}");
        }

        return values.ToArray();
    }

    public static ConfigurationException Fail(string path, string problem, Exception? cause = null) =>
        cause is null ? new ConfigurationException($"{path}: {problem}") : new ConfigurationException($"{path}: {problem}", cause);

    public static string Format(TimeSpan value) =>
        value.TotalSeconds >= 1 && value.Milliseconds == 0
            ? $"{value.TotalSeconds.ToString(CultureInfo.InvariantCulture)}s"
            : $"{value.TotalMilliseconds.ToString(CultureInfo.InvariantCulture)}ms";

    private void Require(string path)
    {
        if (!_config.HasPath(path))
            throw Fail(path, "missing (its default belongs in the embedded reference.conf)");
    }

    private string Raw(string path) =>
        SingleValue(path) ?? throw Fail(path, "must be a single value, not null, an object or a list");

    /// <summary>The value as text, or null when it is null, an object or a list (Akka implementations differ: some
    /// read those as null, some throw).</summary>
    private string? SingleValue(string path)
    {
        try
        {
            return _config.GetString(path)?.Trim();
        }
        catch (Exception ex) when (ex is not ConfigurationException)
        {
            return null;
        }
    }
}
