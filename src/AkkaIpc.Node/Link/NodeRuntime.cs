using System.Threading.Channels;
using Akka.Actor;
using Akka.Configuration;
using AkkaIpc.Node.Cli;

namespace AkkaIpc.Node.Link;

/// <summary>
/// The actor system of one <c>akka-ipc</c> command, built from the command's options, and the factory of
/// its socket links. Starting it validates the <c>akka.ipc</c> settings (a bad value is a usage error).
/// </summary>
internal sealed class NodeRuntime : IAsyncDisposable
{
    private static readonly TimeSpan TerminateTimeout = TimeSpan.FromSeconds(10);

    private readonly ActorSystem _system;
    private readonly Config _config;
    private readonly IpcExtension _ipc;

    private NodeRuntime(ActorSystem system, Config config, IpcExtension ipc)
    {
        _system = system;
        _config = config;
        _ipc = ipc;
    }

    /// <summary>True when the framing is raw, so chat lines carry their line break on the wire.</summary>
    public bool LineBreaks => _ipc.Settings.Socket.Framing == Framing.Raw;

    /// <exception cref="NodeExitException">The configuration is invalid (exit code 1).</exception>
    public static NodeRuntime Start(NodeOptions options)
    {
        var config = NodeConfiguration.Build(options);
        var system = ActorSystem.Create("akka-ipc", config);
        try
        {
            return new NodeRuntime(system, config, system.Ipc());
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            // The extension validates every akka.ipc value when it starts and names the key in its message;
            // Akka may wrap that exception on the way out of extension registration.
            system.Terminate().Wait(TerminateTimeout);
            var cause = exception is System.Reflection.TargetInvocationException or AggregateException && exception.InnerException is { } inner ? inner : exception;
            throw NodeExitException.Usage($"invalid configuration: {cause.Message}");
        }
    }

    /// <summary>The effective <c>akka.ipc</c> section, as HOCON.</summary>
    public string DescribeConfig() =>
        "akka.ipc {\n" + Indent(_config.GetConfig("akka.ipc")?.ToString(includeFallback: true) ?? string.Empty) + "}";

    /// <summary>Opens a supervised socket; its events go to <paramref name="inbox"/>.</summary>
    /// <param name="role">Listen, connect or serve.</param>
    /// <param name="path">The socket file path.</param>
    /// <param name="inbox">Receives the socket's events and replies.</param>
    /// <param name="retry">False for one-shot use (<c>send</c>): no restart, so a connector fails at once on 103.</param>
    public NodeLink Open(SocketRole role, string path, ChannelWriter<NodeEvent> inbox, bool retry = true)
    {
        var subscriber = _system.ActorOf(EventQueueActor.Props(inbox), "node-events-" + Guid.NewGuid().ToString("N")[..8]);
        var settings = _ipc.Settings.Socket;
        if (!retry)
        {
            settings = settings.WithBackoff(settings.BackoffMin, settings.BackoffMax, settings.BackoffRandomFactor, maxRetries: 0, settings.RetryWindow);
        }

        var socket = role switch
        {
            SocketRole.Listener => _ipc.Listen(path, subscriber, settings),
            SocketRole.Connector => _ipc.Connect(path, subscriber, settings),
            SocketRole.Server => _ipc.Serve(path, subscriber, settings),
            _ => throw new ArgumentOutOfRangeException(nameof(role), role, "the node opens listeners, connectors and servers only"),
        };
        subscriber.Tell(new WatchSocket(socket));
        return new NodeLink(path, socket, subscriber);
    }

    public async ValueTask DisposeAsync()
    {
        // Akka's coordinated shutdown: AkkaIpc closes every link still open (queued bytes drain, listeners remove their
        // socket files), then the actor system terminates.
        await CoordinatedShutdown.Get(_system).Run(CoordinatedShutdown.ClrExitReason.Instance)
            .WaitAsync(TerminateTimeout).ConfigureAwait(false);
    }

    private static string Indent(string hocon) =>
        string.Concat(hocon.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => "  " + line + "\n"));
}
