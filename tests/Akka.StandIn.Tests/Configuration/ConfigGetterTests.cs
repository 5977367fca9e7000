using Akka.Configuration;

namespace Akka.StandIn.Tests.Configuration;

public sealed class ConfigGetterTests
{
    private static readonly Config Sample = ConfigurationFactory.ParseString("""
        s = text
        i = 42
        l = 9000000000
        d = 2.5
        on-flag = on
        off-flag = off
        true-flag = true
        false-flag = false
        yes-flag = yes
        obj { x = 1 }
        list = [a, b]
        ints = [1, 2, 3]
        bools = [on, false]
        """);

    [Fact]
    public void Scalar_getters_read_present_values()
    {
        Assert.Equal("text", Sample.GetString("s"));
        Assert.Equal(42, Sample.GetInt("i"));
        Assert.Equal(9000000000L, Sample.GetLong("l"));
        Assert.Equal(2.5, Sample.GetDouble("d"));
        Assert.Equal(2.5f, Sample.GetFloat("d"));
        Assert.Equal(2.5m, Sample.GetDecimal("d"));
        Assert.True(Sample.GetBoolean("on-flag"));
        Assert.False(Sample.GetBoolean("off-flag", true));
        Assert.True(Sample.GetBoolean("true-flag"));
        Assert.False(Sample.GetBoolean("false-flag", true));
        Assert.Equal([true, false], Sample.GetBooleanList("bools"));
    }

    [Fact]
    public void Missing_paths_give_defaults()
    {
        Assert.Null(Sample.GetString("nope"));
        Assert.Equal("dflt", Sample.GetString("nope", "dflt"));
        Assert.Equal(0, Sample.GetInt("nope"));
        Assert.Equal(7, Sample.GetInt("obj.nope", 7));
        Assert.Equal(7L, Sample.GetLong("nope", 7));
        Assert.True(Sample.GetBoolean("nope", true));
        Assert.Equal(1.5, Sample.GetDouble("nope", 1.5));
        Assert.Equal(TimeSpan.Zero, Sample.GetTimeSpan("nope"));
        Assert.Equal(TimeSpan.FromSeconds(2), Sample.GetTimeSpan("nope", TimeSpan.FromSeconds(2)));
        Assert.Null(Sample.GetByteSize("nope"));
        Assert.Equal(5L, Sample.GetByteSize("nope", 5));
        Assert.Empty(Sample.GetStringList("nope"));
        Assert.Equal(["x"], Sample.GetStringList("nope", ["x"]));
        Assert.Null(Sample.GetValue("nope"));
        Assert.False(Sample.HasPath("nope"));
        Assert.False(Sample.HasPath("s.deeper"));
    }

    [Fact]
    public void GetConfig_returns_null_for_a_missing_path()
    {
        Assert.Null(Sample.GetConfig("nope"));
        Assert.Equal(1, Sample.GetConfig("obj")!.GetInt("x"));
    }

    [Fact]
    public void Typed_lists_throw_on_a_missing_path()
    {
        Assert.ThrowsAny<Exception>(() => Sample.GetIntList("nope"));
    }

    [Fact]
    public void Wrong_shapes_read_as_Akka_reads_them()
    {
        Assert.Throws<FormatException>(() => Sample.GetInt("s"));
        Assert.Throws<FormatException>(() => Sample.GetIntList("list"));
        Assert.Throws<NotSupportedException>(() => Sample.GetBoolean("yes-flag"));
        Assert.Throws<NotSupportedException>(() => Sample.GetBoolean("i"));

        // Text getters read objects and arrays as null; typed getters then have nothing to parse.
        Assert.Null(Sample.GetString("obj"));
        Assert.Null(Sample.GetString("list"));
        Assert.Throws<ArgumentNullException>(() => Sample.GetInt("obj"));
        Assert.Throws<ArgumentNullException>(() => Sample.GetTimeSpan("list"));
        Assert.Throws<NotSupportedException>(() => Sample.GetBoolean("obj"));

        // A list getter on a value that is no array sees no items.
        Assert.Empty(Sample.GetIntList("i"));
        Assert.Empty(Sample.GetStringList("s"));
    }

    [Fact]
    public void Quoted_path_segments_are_honoured()
    {
        var config = ConfigurationFactory.ParseString("a { \"b.c\" { d = 1 } }");

        Assert.Equal(1, config.GetInt("a.\"b.c\".d"));
        Assert.False(config.HasPath("a.b.c.d"));
    }

    [Fact]
    public void Implicit_conversion_and_plus_operators_parse_hocon()
    {
        Config config = "a = 1";
        var withFallback = config + "a = 2\nb = 3";
        var reversed = "a = 4" + withFallback;

        Assert.Equal(1, withFallback.GetInt("a"));
        Assert.Equal(3, withFallback.GetInt("b"));
        Assert.Equal(4, reversed.GetInt("a"));
        Assert.Equal(3, reversed.GetInt("b"));
    }

    [Fact]
    public void Empty_configurations_are_empty()
    {
        Assert.True(Config.Empty.IsEmpty);
        Assert.True(ConfigurationFactory.Empty.IsEmpty);
        Assert.True(new Config().IsEmpty);
        Assert.True(((Config)"a { }").GetConfig("a")!.IsEmpty);
        Assert.False(((Config)"a = 1").IsEmpty);
        Assert.True(((Config)null!).IsNullOrEmpty());
        Assert.True(Config.Empty.IsNullOrEmpty());
    }

    [Fact]
    public void Default_holds_akka_defaults()
    {
        var defaults = ConfigurationFactory.Default();

        Assert.Equal("INFO", defaults.GetString("akka.loglevel"));
        Assert.Equal(Timeout.InfiniteTimeSpan, defaults.GetTimeSpan("akka.actor.ask-timeout"));
        Assert.Equal(10, defaults.GetInt("akka.log-dead-letters"));
        Assert.Equal(TimeSpan.FromMilliseconds(10), defaults.GetTimeSpan("akka.scheduler.tick-duration"));
        Assert.Single(defaults.GetStringList("akka.loggers"));
    }

}
