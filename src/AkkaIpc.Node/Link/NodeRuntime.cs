using Akka.Actor;
using Akka.Configuration;
using AkkaIpc.Node.Cli;
using AkkaIpc.Node.Hosting;

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
    public bool LineBreaks => _ipc.Settings.Socket.Framing == IpcFraming.Raw;

    /// <summary>What a chat line takes on the wire beyond its UTF-8 text: its line break, or the frame header.</summary>
    public int LineOverhead => LineBreaks ? 1 : 4;

    /// <summary>
    /// The chat's window of unacknowledged bytes: the socket's send queue limit, so the bytes the chat has in
    /// flight always fit in the queue (no 108).
    /// </summary>
    public int InputWindowBytes => _ipc.Settings.Socket.SendQueueLimit;

    /// <summary>
    /// The longest chat line: it must fit in the send queue with its line break or frame header, and in framed mode
    /// in one frame.
    /// </summary>
    public LineLimit MaxLine
    {
        get
        {
            var socket = _ipc.Settings.Socket;
            var byQueue = socket.SendQueueLimit - LineOverhead;
            return !LineBreaks && socket.MaxFrameSize < byQueue
                ? new LineLimit(socket.MaxFrameSize, "akka.ipc.socket.max-frame-size")
                : new LineLimit(byQueue, "akka.ipc.socket.send-queue-limit");
        }
    }

    /// <exception cref="NodeExitException">The configuration is invalid (exit code 1).</exception>
    public static NodeRuntime Start(NodeOptions options)
    {
        var config = NodeConfiguration.Build(options);
        ActorSystem system;
        try
        {
            system = ActorSystem.Create("akka-ipc", config);
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            // Akka validates its own settings (akka.loglevel, ...) while the system starts and names the value, not
            // the key; the key comes from the options that set anything outside akka.ipc.
            throw NodeExitException.Usage($"Akka refused the configuration: {Innermost(exception).Message} (set by {NodeConfiguration.DescribeAkkaSources(options)})");
        }

        try
        {
            return new NodeRuntime(system, config, system.Ipc());
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            // The extension validates every akka.ipc value when it starts and names the key in its message;
            // Akka may wrap that exception on the way out of extension registration.
            system.Terminate().Wait(TerminateTimeout);
            throw NodeExitException.Usage($"invalid configuration: {Innermost(exception).Message}");
        }
    }

    private static Exception Innermost(Exception exception) =>
        exception is System.Reflection.TargetInvocationException or AggregateException or TypeInitializationException && exception.InnerException is { } inner
            ? Innermost(inner)
            : exception;

    /// <summary>The effective <c>akka.ipc</c> section, as HOCON.</summary>
    public string DescribeConfig() =>
        "akka.ipc {\n" + Indent(_config.GetConfig("akka.ipc")?.ToString(includeFallback: true) ?? string.Empty) + "}";

    /// <summary>Opens a supervised socket; its events go to <paramref name="inbox"/>.</summary>
    /// <param name="role">Listen, connect or serve.</param>
    /// <param name="path">The socket file path.</param>
    /// <param name="inbox">Receives the socket's events and replies.</param>
    /// <param name="retry">False for one-shot use (<c>send</c>): no restart, so a connector fails at once on 103.</param>
    public NodeLink Open(SocketRole role, string path, EventQueue inbox, bool retry = true)
    {
        var stopping = new CancellationTokenSource();
        var subscriber = _system.ActorOf(EventQueueActor.Props(inbox, stopping.Token), "node-events-" + Guid.NewGuid().ToString("N")[..8]);
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
        return new NodeLink(path, socket, subscriber, stopping);
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
