using System.Text;
using Akka.Actor;
using Akka.Hosting;
using AkkaIpc.Remote;
using AkkaIpc.Sockets;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using static AkkaIpc.Hosting.Tests.HostedIpc;

namespace AkkaIpc.Hosting.Tests;

public sealed class EchoServer;

public sealed class ChatListener;

public sealed class ChatConnector;

/// <summary>WithIpc in a generic host: endpoints start with the host, are found by key, and go away with it.</summary>
public sealed class WithIpcSpec : IDisposable
{
    private readonly AkkaIpc.TestKit.SocketPaths _paths = new();

    [Fact]
    public async Task WithIpc_starts_a_server_that_application_code_gets_with_IRequiredActor()
    {
        var path = NewPath();
        await using var host = Create((akka, _) => akka.WithIpc(ipc => ipc
            .Serve<EchoServer>(path, e =>
            {
                e.Subscriber = typeof(TestSubscriber);
                e.Framing = IpcFraming.Raw;   // its client below is a plain IpcSocket, a byte stream
            })));
        await host.StartAsync();

        Assert.Equal(path, host.Probe.ExpectMsg<Listening>(Long).Path);
        var server = host.Required<EchoServer>();
        Assert.Equal(server, host.Probe.LastSender);

        await using var client = new IpcSocket { Path = path };
        await client.ConnectAsync();
        client.Write("hello");
        client.Flush();
        var connection = host.Probe.ExpectMsg<PeerConnected>(Long).Connection;
        Assert.Equal("hello", ExpectText(host, "hello"));
        Assert.Equal(connection, host.Probe.LastSender);
    }

    [Fact]
    public async Task Host_shutdown_closes_every_socket_and_removes_every_socket_file()
    {
        var listenerPath = NewPath();
        var serverPath = NewPath();
        var host = Create((akka, _) => akka.WithIpc(ipc => ipc
            .Listen<ChatListener>(listenerPath, e => e.Subscriber = typeof(TestSubscriber))
            .Serve<EchoServer>(serverPath, e => e.Subscriber = typeof(TestSubscriber))
            .Connect<ChatConnector>(listenerPath)));
        await host.StartAsync();
        host.Probe.FishForMessage<Connected>(m => m.Path == listenerPath, Long);   // the host's connector reached its listener

        await using var client = new IpcSocket { Path = serverPath };
        var lost = new TaskCompletionSource<IpcErrorCode>(TaskCreationOptions.RunContinuationsAsynchronously);
        client.Error += (_, e) => lost.TrySetResult(e.Exception.ErrorNumber);
        await client.ConnectAsync();
        host.Probe.FishForMessage<PeerConnected>(_ => true, Long);
        Assert.True(File.Exists(listenerPath));
        Assert.True(File.Exists(serverPath));

        await host.StopAsync();

        Assert.False(File.Exists(listenerPath), "the listener's socket file outlived the host");
        Assert.False(File.Exists(serverPath), "the server's socket file outlived the host");
        Assert.Equal(IpcErrorCode.LostConnection, await lost.Task.WaitAsync(Long));
        await host.DisposeAsync();
    }

    [Fact]
    public async Task Options_set_in_code_reach_the_extension_settings()
    {
        await using var host = Create((akka, _) => akka.WithIpc(new IpcOptions
        {
            Framing = IpcFraming.LengthPrefixed,
            CloseTimeout = TimeSpan.FromMilliseconds(1500.5),
            FileMode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.GroupWrite,
            AllowedPeerUids = [0, 1000],
            MaxConnections = 7,
        }));
        await host.StartAsync();

        var settings = host.System.Ipc().Settings.Socket;
        Assert.Equal(IpcFraming.LengthPrefixed, settings.Framing);
        Assert.Equal(TimeSpan.FromMilliseconds(1500.5), settings.CloseTimeout);
        Assert.Equal((UnixFileMode)0b110_110_000, settings.FileMode);
        Assert.Equal([0, 1000], settings.AllowedPeerUids.ToArray());
        Assert.Equal(7, settings.MaxConnections);
        Assert.Equal(TimeSpan.FromMilliseconds(50), settings.BackoffMin);   // the host's own HOCON still applies
        var reference = IpcSocketSettings.Create(Akka.Configuration.Config.Empty);
        Assert.Equal(reference.SendQueueLimit, settings.SendQueueLimit);   // reference.conf is the fallback
    }

    [Fact]
    public async Task A_configuration_section_declares_endpoints_and_settings_and_code_wins_over_it()
    {
        var path = NewPath();
        await using var host = Create(
            (akka, services) => akka.WithIpc(
                services.GetRequiredService<IConfiguration>().GetSection("AkkaIpc"),
                ipc => ipc.CloseTimeout = TimeSpan.FromSeconds(3)),
            new Dictionary<string, string?>
            {
                ["AkkaIpc:Framing"] = "length-prefixed",
                ["AkkaIpc:CloseTimeout"] = "2s",
                ["AkkaIpc:MaxFrameSize"] = "64KiB",
                ["AkkaIpc:Servers:0:Path"] = path,
                ["AkkaIpc:Servers:0:Key"] = typeof(EchoServer).AssemblyQualifiedName,
                ["AkkaIpc:Servers:0:Subscriber"] = typeof(TestSubscriber).AssemblyQualifiedName,
                ["AkkaIpc:Servers:0:ActorName"] = "echo",
            });
        await host.StartAsync();

        Assert.Equal(path, host.Probe.ExpectMsg<Listening>(Long).Path);
        Assert.Equal("/user/echo", host.Required<EchoServer>().Path.ToStringWithoutAddress());
        var settings = host.System.Ipc().Settings.Socket;
        Assert.Equal(IpcFraming.LengthPrefixed, settings.Framing);
        Assert.Equal(64 * 1024, settings.MaxFrameSize);
        Assert.Equal(TimeSpan.FromSeconds(3), settings.CloseTimeout);
    }

    [Fact]
    public async Task Ipc_log_lines_reach_Microsoft_Extensions_Logging()
    {
        var path = NewPath();
        await File.WriteAllTextAsync(path, "not a socket");   // Listen refuses it with 105 and gives up: an Error line
        await using var host = Create((akka, _) => akka.WithIpc(ipc => ipc.Listen<ChatListener>(path)));
        await host.StartAsync();

        var (level, text) = await host.Logs.WaitFor((_, t) => t.Contains("gave up", StringComparison.Ordinal) && t.Contains(path, StringComparison.Ordinal))
            .WaitAsync(Long);
        Assert.Equal(LogLevel.Error, level);
        Assert.Contains("105", text, StringComparison.Ordinal);
        Assert.True(File.Exists(path), "a file that is not a socket must never be deleted");
    }

    [Fact]
    public async Task One_AddHocon_line_puts_remoting_on_the_ipc_transport_beside_WithIpc()
    {
        await using var host = Create((akka, _) => akka
            .AddHocon(IpcRemoteConfig.Enable(), HoconAddMode.Prepend)
            .WithIpc(ipc => ipc.Connect<ChatConnector>(NewPath())));
        await host.StartAsync();

        var address = ((ExtendedActorSystem)host.System).Provider.DefaultAddress;
        Assert.Equal("akka.ipc", address.Protocol);
        Assert.NotNull(host.Required<ChatConnector>());
    }

    public void Dispose() => _paths.Dispose();

    private static string ExpectText(HostedIpc host, string expected)
    {
        var text = new StringBuilder();
        while (text.Length < expected.Length)
            text.Append(Encoding.UTF8.GetString(host.Probe.FishForMessage<Received>(_ => true, Long).Data.AsSpan()));
        return text.ToString();
    }

    private string NewPath() => _paths.New();
}
