using Akka.Configuration;

namespace Akka.StandIn.Tests.TestKit;

public sealed class NamedSystemSpec : Akka.TestKit.Xunit2.TestKit
{
    public NamedSystemSpec()
        : base((Config)"akka.loglevel = WARNING", "named-system")
    {
    }

    [Fact]
    public void The_config_constructor_uses_the_given_name()
    {
        Assert.Equal("named-system", Sys.Name);
        Assert.Equal("WARNING", Sys.Settings.Config.GetString("akka.loglevel"));
    }

    [Fact]
    public void Shutdown_terminates_the_system_and_dispose_after_it_is_harmless()
    {
        Shutdown(verifySystemShutdown: true);

        Assert.True(Sys.WhenTerminated.IsCompleted);
        Dispose();
    }
}
