using Akka.Configuration;

namespace Akka.StandIn.Tests.Configuration;

public sealed class DurationAndByteSizeTests
{
    public static TheoryData<string, long> Durations => new()
    {
        { "250", 250 * TimeSpan.TicksPerMillisecond },
        { "1.5", 15000 },
        { "100ns", 1 },
        { "100 nanos", 1 },
        { "3 nanoseconds", 0 },
        { "5micros", 50 },
        { "5 microseconds", 50 },
        { "7ms", 7 * TimeSpan.TicksPerMillisecond },
        { "7 millis", 7 * TimeSpan.TicksPerMillisecond },
        { "7 milliseconds", 7 * TimeSpan.TicksPerMillisecond },
        { "3s", 3 * TimeSpan.TicksPerSecond },
        { "3 seconds", 3 * TimeSpan.TicksPerSecond },
        { "1 second", TimeSpan.TicksPerSecond },
        { "0.5s", TimeSpan.TicksPerSecond / 2 },
        { "2m", 2 * TimeSpan.TicksPerMinute },
        { "2 minutes", 2 * TimeSpan.TicksPerMinute },
        { "1h", TimeSpan.TicksPerHour },
        { "2 hours", 2 * TimeSpan.TicksPerHour },
        { "1d", TimeSpan.TicksPerDay },
        { "3 days", 3 * TimeSpan.TicksPerDay },
    };

    public static TheoryData<string, long> ByteSizes => new()
    {
        { "100", 100 },
        { "100b", 100 },
        { "100B", 100 },
        { "1 byte", 1 },
        { "3 bytes", 3 },
        { "1k", 1024 },
        { "1K", 1024 },
        { "1Ki", 1024 },
        { "2KiB", 2048 },
        { "1 kibibyte", 1024 },
        { "1kB", 1000 },
        { "2 kilobytes", 2000 },
        { "1m", 1024 * 1024 },
        { "1MiB", 1024 * 1024 },
        { "1MB", 1000 * 1000 },
        { "1g", 1024L * 1024 * 1024 },
        { "1GB", 1000L * 1000 * 1000 },
        { "1t", 1024L * 1024 * 1024 * 1024 },
        { "1TB", 1000L * 1000 * 1000 * 1000 },
        { "1.5k", 1536 },
    };

    [Theory]
    [MemberData(nameof(Durations))]
    public void Durations_parse_with_units(string text, long expectedTicks)
    {
        var config = ConfigurationFactory.ParseString($"d = {text}");

        Assert.Equal(TimeSpan.FromTicks(expectedTicks), config.GetTimeSpan("d"));
    }

    [Theory]
    [InlineData("infinite")]
    [InlineData("Infinite")]
    [InlineData("INFINITE")]
    public void Infinite_is_allowed_only_when_asked(string text)
    {
        var config = ConfigurationFactory.ParseString($"d = {text}");

        Assert.Equal(Timeout.InfiniteTimeSpan, config.GetTimeSpan("d"));
        Assert.Throws<FormatException>(() => config.GetTimeSpan("d", allowInfinite: false));
    }

    [Theory]
    [InlineData("-1")]
    [InlineData("-5s")]
    [InlineData("5us")]
    [InlineData("5 fortnights")]
    [InlineData("abc")]
    [InlineData("5 S")]
    public void Bad_durations_throw(string text)
    {
        var config = ConfigurationFactory.ParseString($"d = \"{text}\"");

        Assert.Throws<FormatException>(() => config.GetTimeSpan("d"));
    }

    [Theory]
    [MemberData(nameof(ByteSizes))]
    public void Byte_sizes_parse_with_units(string text, long expected)
    {
        var config = ConfigurationFactory.ParseString($"b = {text}");

        Assert.Equal(expected, config.GetByteSize("b"));
        Assert.Equal(expected, config.GetByteSize("b", 0));
    }

    [Theory]
    [InlineData("1KB")]
    [InlineData("1 kb")]
    [InlineData("1mb")]
    [InlineData("-1k")]
    [InlineData("lots")]
    public void Bad_byte_sizes_throw(string text)
    {
        var config = ConfigurationFactory.ParseString($"b = \"{text}\"");

        Assert.Throws<FormatException>(() => config.GetByteSize("b"));
    }
}
