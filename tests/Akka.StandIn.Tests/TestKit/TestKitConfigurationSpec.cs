using Akka.Configuration;

namespace Akka.StandIn.Tests.TestKit;

public sealed class TestKitConfigurationSpec : Akka.TestKit.Xunit2.TestKit
{
    public TestKitConfigurationSpec()
        : base("akka.test.timefactor = 2.0\nakka.ipc-test.marker = on")
    {
    }

    [Fact]
    public void The_string_constructor_names_the_system_test_and_keeps_the_user_config()
    {
        Assert.Equal("test", Sys.Name);
        Assert.True(Sys.Settings.Config.GetBoolean("akka.ipc-test.marker"));
    }

    [Fact]
    public void Timing_defaults_come_from_the_reference_config()
    {
        Assert.Equal(TimeSpan.FromSeconds(3), TestKitSettings.SingleExpectDefault);
        Assert.Equal(TimeSpan.FromSeconds(3), TestKitSettings.TestEventFilterLeeway);
        Assert.Equal(TimeSpan.FromSeconds(5), TestKitSettings.DefaultTimeout);
        Assert.Equal(2.0, TestKitSettings.TestTimeFactor);
        Assert.Equal(TimeSpan.FromSeconds(3), DefaultConfig.GetTimeSpan("akka.test.single-expect-default"));
    }

    [Fact]
    public void Dilated_applies_the_time_factor()
    {
        Assert.Equal(TimeSpan.FromSeconds(2), Dilated(TimeSpan.FromSeconds(1)));
        Assert.Equal(TimeSpan.FromSeconds(6), RemainingOrDefault);
    }

    [Fact]
    public void Expect_timeouts_are_dilated()
    {
        var error = Assert.ThrowsAny<Exception>(() => ExpectMsg<string>(TimeSpan.FromMilliseconds(100)));

        Assert.Contains(TimeSpan.FromMilliseconds(200).ToString(), error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void DefaultConfig_routes_log_events_through_the_test_event_listener()
    {
        Assert.Contains(DefaultConfig.GetStringList("akka.loggers"), l => l.StartsWith("Akka.TestKit.TestEventListener", StringComparison.Ordinal));
        Assert.Equal("DEBUG", FullDebugConfig.GetString("akka.loglevel"));
    }
}
