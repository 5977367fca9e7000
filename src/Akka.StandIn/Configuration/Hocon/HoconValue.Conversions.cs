using System.Globalization;
using System.Text.RegularExpressions;

namespace Akka.Configuration.Hocon;

/// <content>Typed readings of scalar values, with Akka.NET 1.5's rules for booleans, durations and byte sizes.</content>
public sealed partial class HoconValue
{
    private static readonly Regex DurationPattern = new(
        @"^(?<value>[0-9]+(\.[0-9]+)?)\s*(?<unit>nanoseconds|nanosecond|nanos|nano|ns|microseconds|microsecond|micros|micro|us|milliseconds|millisecond|millis|milli|ms|seconds|second|s|minutes|minute|m|hours|hour|h|days|day|d)$",
        RegexOptions.CultureInvariant);

    private static readonly Regex ByteSizePattern = new(
        @"^(?<value>[0-9]+(\.[0-9]+)?)\s*(?<unit>[A-Za-z]*)$",
        RegexOptions.CultureInvariant);

    private static readonly Dictionary<string, decimal> ByteUnits = BuildByteUnits();

    /// <exception cref="NotSupportedException">The text is not one of on/off/true/false.</exception>
    internal bool GetBoolean()
    {
        var text = GetScalarForConversion();
        return text switch
        {
            "on" or "true" => true,
            "off" or "false" => false,
            _ => throw new NotSupportedException("Unknown boolean format: " + text),
        };
    }

    internal int GetInt() => int.Parse(GetScalarForConversion(), NumberStyles.Integer, CultureInfo.InvariantCulture);

    internal long GetLong() => long.Parse(GetScalarForConversion(), NumberStyles.Integer, CultureInfo.InvariantCulture);

    internal byte GetByte() => byte.Parse(GetScalarForConversion(), NumberStyles.Integer, CultureInfo.InvariantCulture);

    internal double GetDouble() => double.Parse(GetScalarForConversion(), NumberStyles.Float, CultureInfo.InvariantCulture);

    internal float GetFloat() => float.Parse(GetScalarForConversion(), NumberStyles.Float, CultureInfo.InvariantCulture);

    internal decimal GetDecimal() => decimal.Parse(GetScalarForConversion(), NumberStyles.Float, CultureInfo.InvariantCulture);

    /// <summary>A number with a duration unit; a bare number is milliseconds; <c>infinite</c> when allowed.</summary>
    /// <exception cref="FormatException">The text is not a non-negative duration (or is <c>infinite</c> while not allowed).</exception>
    internal TimeSpan GetTimeSpan(bool allowInfinite)
    {
        var text = GetScalarForConversion();
        if (string.Equals(text, "infinite", StringComparison.OrdinalIgnoreCase))
        {
            if (allowInfinite)
                return Timeout.InfiniteTimeSpan;
            throw new FormatException("An infinite duration is not allowed here");
        }

        var match = DurationPattern.Match(text);
        if (!match.Success)
            return FromTicks(ParseNonNegative(text, "duration"), TimeSpan.TicksPerMillisecond);

        var value = ParseNonNegative(match.Groups["value"].Value, "duration");
        return match.Groups["unit"].Value switch
        {
            "nanoseconds" or "nanosecond" or "nanos" or "nano" or "ns" => FromTicks(value, 0.01m),
            "microseconds" or "microsecond" or "micros" or "micro" => FromTicks(value, TimeSpan.TicksPerMillisecond / 1000m),
            "milliseconds" or "millisecond" or "millis" or "milli" or "ms" => FromTicks(value, TimeSpan.TicksPerMillisecond),
            "seconds" or "second" or "s" => FromTicks(value, TimeSpan.TicksPerSecond),
            "minutes" or "minute" or "m" => FromTicks(value, TimeSpan.TicksPerMinute),
            "hours" or "hour" or "h" => FromTicks(value, TimeSpan.TicksPerHour),
            "days" or "day" or "d" => FromTicks(value, TimeSpan.TicksPerDay),

            // Akka's pattern accepts "us" but has no conversion for it, so the value fails to parse there too.
            _ => throw new FormatException("Unsupported duration unit in: " + text),
        };
    }

    /// <summary>A number of bytes, with an optional case-sensitive unit suffix.</summary>
    /// <exception cref="FormatException">The text is not a byte size.</exception>
    internal long? GetByteSize()
    {
        var text = GetScalarForConversion();
        var match = ByteSizePattern.Match(text);
        if (!match.Success)
            throw new FormatException("Not a byte size: " + text);
        var unit = match.Groups["unit"].Value;
        if (!ByteUnits.TryGetValue(unit, out var multiplier))
            throw new FormatException($"Unknown byte size unit '{unit}' in: {text}");
        var value = ParseNonNegative(match.Groups["value"].Value, "byte size");
        return (long)decimal.Round(value * multiplier);
    }

    private static decimal ParseNonNegative(string text, string kind)
    {
        if (!decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
            throw new FormatException($"Not a {kind}: {text}");
        if (value < 0)
            throw new FormatException($"A {kind} cannot be negative: {text}");
        return value;
    }

    private static TimeSpan FromTicks(decimal value, decimal ticksPerUnit)
    {
        var ticks = value * ticksPerUnit;
        if (ticks > TimeSpan.MaxValue.Ticks)
            throw new FormatException(Invariant($"Duration out of range: {value}"));
        return TimeSpan.FromTicks((long)decimal.Round(ticks));
    }

    private static Dictionary<string, decimal> BuildByteUnits()
    {
        var units = new Dictionary<string, decimal>(StringComparer.Ordinal);
        void Add(decimal multiplier, params string[] names)
        {
            foreach (var name in names)
                units.Add(name, multiplier);
        }

        Add(1m, "", "b", "B", "byte", "bytes");
        Add(1024m, "K", "k", "Ki", "KiB", "kibibyte", "kibibytes");
        Add(1024m * 1024, "M", "m", "Mi", "MiB", "mebibyte", "mebibytes");
        Add(1024m * 1024 * 1024, "G", "g", "Gi", "GiB", "gibibyte", "gibibytes");
        Add(1024m * 1024 * 1024 * 1024, "T", "t", "Ti", "TiB", "tebibyte", "tebibytes");
        Add(1000m, "kB", "kilobyte", "kilobytes");
        Add(1000m * 1000, "MB", "megabyte", "megabytes");
        Add(1000m * 1000 * 1000, "GB", "gigabyte", "gigabytes");
        Add(1000m * 1000 * 1000 * 1000, "TB", "terabyte", "terabytes");
        return units;
    }
}
