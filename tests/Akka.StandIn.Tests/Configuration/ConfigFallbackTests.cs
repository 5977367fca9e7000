using Akka.Configuration;

namespace Akka.StandIn.Tests.Configuration;

public sealed class ConfigFallbackTests
{
    [Fact]
    public void Receiver_values_win_and_objects_merge_deeply()
    {
        var user = ConfigurationFactory.ParseString("akka { loglevel = DEBUG, ipc { a = 1 } }\nlist = [x]");
        var defaults = ConfigurationFactory.ParseString("akka { loglevel = INFO, stdout = on, ipc { a = 0, b = 2 } }\nlist = [y, z]");

        var merged = user.WithFallback(defaults);

        Assert.Equal("DEBUG", merged.GetString("akka.loglevel"));
        Assert.True(merged.GetBoolean("akka.stdout"));
        Assert.Equal(1, merged.GetInt("akka.ipc.a"));
        Assert.Equal(2, merged.GetInt("akka.ipc.b"));
        Assert.Equal(["x"], merged.GetStringList("list"));
        Assert.Equal(2, merged.GetConfig("akka.ipc")!.GetInt("b"));
    }

    [Fact]
    public void Merging_leaves_both_inputs_unchanged()
    {
        var user = ConfigurationFactory.ParseString("a { x = 1 }");
        var defaults = ConfigurationFactory.ParseString("a { y = 2 }");

        _ = user.WithFallback(defaults);

        Assert.False(user.HasPath("a.y"));
        Assert.False(defaults.HasPath("a.x"));
    }

    [Fact]
    public void Scalar_in_receiver_replaces_object_in_fallback()
    {
        var merged = ((Config)"a = 5").WithFallback("a { x = 1 }");

        Assert.Equal(5, merged.GetInt("a"));
        Assert.False(merged.HasPath("a.x"));
    }

    [Fact]
    public void Chained_fallbacks_apply_in_order()
    {
        var merged = ((Config)"a = 1").WithFallback("a = 2\nb = 2").WithFallback("a = 3\nb = 3\nc = 3");

        Assert.Equal(1, merged.GetInt("a"));
        Assert.Equal(2, merged.GetInt("b"));
        Assert.Equal(3, merged.GetInt("c"));
    }

    [Fact]
    public void Special_fallback_cases()
    {
        var config = ConfigurationFactory.ParseString("a = 1");
        var fallback = ConfigurationFactory.ParseString("b = 2");

        Assert.Throws<ArgumentException>(() => config.WithFallback(config));
        Assert.Same(config, config.WithFallback(null!));
        Assert.Same(fallback, Config.Empty.WithFallback(fallback));
        Assert.Same(config, config.SafeWithFallback(null!));
        Assert.Same(fallback, ((Config)null!).SafeWithFallback(fallback));
        Assert.Equal(2, config.SafeWithFallback(fallback).GetInt("b"));
    }

    [Fact]
    public void Two_argument_constructor_merges_like_WithFallback()
    {
        var merged = new Config(ConfigurationFactory.ParseString("a { x = 1 }"), ConfigurationFactory.ParseString("a { y = 2 }"));

        Assert.Equal(1, merged.GetInt("a.x"));
        Assert.Equal(2, merged.GetInt("a.y"));
    }

}
