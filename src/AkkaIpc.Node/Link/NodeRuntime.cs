using System.Threading.Channels;
using AkkaIpc.Node.Cli;

namespace AkkaIpc.Node.Link;

/// <summary>
/// The node's runtime for one command: the effective configuration and the factory of socket links.
/// </summary>
internal sealed class NodeRuntime : IAsyncDisposable
{
    private readonly NodeOptions _options;

    private NodeRuntime(NodeOptions options)
    {
        _options = options;
    }

    /// <summary>True when the framing is raw, so chat lines carry their line break on the wire.</summary>
    public bool LineBreaks => _options.Framing != "length-prefixed";

    /// <exception cref="NodeExitException">The configuration is invalid (exit code 1).</exception>
    public static NodeRuntime Start(NodeOptions options)
    {
        if (options.ConfigFile is { } file && !File.Exists(file))
        {
            throw NodeExitException.Usage($"cannot read the config file: {file}");
        }

        foreach (var setting in options.Settings)
        {
            if (!setting.Contains('=', StringComparison.Ordinal))
            {
                throw NodeExitException.Usage($"--set needs key=value, not '{setting}'");
            }
        }

        return new NodeRuntime(options);
    }

    public string DescribeConfig() => "akka.ipc { framing = " + (LineBreaks ? "raw" : "length-prefixed") + " }";

    /// <summary>Opens a supervised socket; its events go to <paramref name="inbox"/>.</summary>
    /// <param name="role">Listen, connect or serve.</param>
    /// <param name="path">The socket file path.</param>
    /// <param name="inbox">Receives the socket's events and replies.</param>
    /// <param name="retry">False for one-shot use (<c>send</c>): a connector gives up at once on 103.</param>
    public INodeLink Open(SocketRoleKind role, string path, ChannelWriter<NodeEvent> inbox, bool retry = true) =>
        new RawNodeLink(role, path, retry ? 50 : 0, inbox);

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
