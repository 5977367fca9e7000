using Akka.Configuration;
using Akka.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using static AkkaIpc.Hosting.Tests.HostedIpc;

namespace AkkaIpc.Hosting.Tests;

/// <summary>Bad WithIpc input fails when the host builds or starts, with a message naming the key or endpoint.</summary>
public sealed class WithIpcErrorSpec
{
    [Theory]
    [InlineData("AkkaIpc:ClosTimeout", "2s", "AkkaIpc:ClosTimeout: unknown name")]
    [InlineData("AkkaIpc:Servers:0:Key", "No.Such.Type, Nowhere", "AkkaIpc:Servers:0:Key: no type 'No.Such.Type, Nowhere'")]
    [InlineData("AkkaIpc:Servers:0:Framing", "packet4", "AkkaIpc:Servers:0:Framing: must be raw or length-prefixed, was 'packet4'")]
    [InlineData("AkkaIpc:Servers:0:Port", "1", "AkkaIpc:Servers:0:Port: unknown name")]
    public async Task A_bad_configuration_section_fails_naming_its_path(string key, string value, string message)
    {
        var settings = new Dictionary<string, string?>
        {
            ["AkkaIpc:Servers:0:Path"] = "/tmp/aipc-never.sock",
            ["AkkaIpc:Servers:0:Key"] = typeof(EchoServer).AssemblyQualifiedName,
            [key] = value,
        };
        await using var host = Create(
            (akka, services) => akka.WithIpc(services.GetRequiredService<IConfiguration>().GetSection("AkkaIpc")), settings);

        var error = await Assert.ThrowsAsync<ConfigurationException>(host.StartAsync);
        Assert.StartsWith(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_endpoint_without_a_key_fails_naming_it()
    {
        await using var host = Create(
            (akka, services) => akka.WithIpc(services.GetRequiredService<IConfiguration>().GetSection("AkkaIpc")),
            new Dictionary<string, string?> { ["AkkaIpc:Listeners:0:Path"] = "/tmp/aipc-never.sock" });

        var error = await Assert.ThrowsAsync<ConfigurationException>(host.StartAsync);
        Assert.StartsWith("AkkaIpc:Listeners:0: Key is missing", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_bad_value_fails_the_host_start_with_the_akka_ipc_key()
    {
        await using var host = Create((akka, _) => akka.WithIpc(ipc =>
        {
            ipc.BackoffMin = TimeSpan.FromSeconds(-1);
            ipc.Listen<ChatListener>("/tmp/aipc-never.sock");
        }));

        var error = await Assert.ThrowsAsync<ConfigurationException>(host.StartAsync);
        Assert.StartsWith("akka.ipc.backoff.min: must be > 0", error.Message, StringComparison.Ordinal);
        Assert.False(File.Exists("/tmp/aipc-never.sock"));
    }

    [Fact]
    public async Task Two_endpoints_under_one_key_fail_the_host_start()
    {
        await using var host = Create((akka, _) => akka.WithIpc(ipc => ipc
            .Connect<ChatConnector>("/tmp/aipc-never-1.sock")
            .Connect<ChatConnector>("/tmp/aipc-never-2.sock")));

        var error = await Assert.ThrowsAsync<DuplicateActorRegistryException>(host.StartAsync);
        Assert.Contains("IPC connector on /tmp/aipc-never-2.sock", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_subscriber_that_is_not_registered_fails_the_host_start()
    {
        await using var host = Create((akka, _) => akka.WithIpc(ipc => ipc
            .Connect<ChatConnector>("/tmp/aipc-never.sock", e => e.Subscriber = typeof(EchoServer))));

        var error = await Assert.ThrowsAsync<MissingActorRegistryEntryException>(host.StartAsync);
        Assert.Contains("register it with WithActors called before WithIpc", error.Message, StringComparison.Ordinal);
    }
}
