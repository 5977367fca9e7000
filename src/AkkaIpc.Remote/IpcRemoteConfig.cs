using Akka.Configuration;

namespace AkkaIpc.Remote;

/// <summary>The embedded hocon/remote.conf: the <c>akka.remote.ipc</c> transport block with every default.</summary>
public static class IpcRemoteConfig
{
    private const string ResourceName = "AkkaIpc.Remote.remote.conf";
    private static readonly Lazy<Config> DefaultConfig = new(Load);

    /// <summary>
    /// The reference configuration of the transport (rooted at <c>akka.remote.ipc</c>). The transport uses its block as
    /// the fallback of the block Akka.Remote hands it, so only <c>transport-class</c> must be in the system's own
    /// configuration; an application may also use the whole of it as a fallback.
    /// </summary>
    /// <exception cref="InvalidOperationException">The resource is missing from the assembly (a build error).</exception>
    public static Config Default => DefaultConfig.Value;

    /// <summary>
    /// The configuration that turns classic remoting over this transport on: <c>akka.actor.provider = remote</c>,
    /// <c>akka.remote.enabled-transports = ["akka.remote.ipc"]</c> and the transport block, at the given port.
    /// Combine it with the application's own configuration (as its fallback, or with <c>provider = cluster</c> on top).
    /// </summary>
    /// <param name="port">The port of this system's address; 0 picks a free one.</param>
    /// <returns>The configuration.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="port"/> is outside 0..65535.</exception>
    public static Config Enable(int port = 0)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(port);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(port, 65535);
        return ConfigurationFactory.ParseString(
                $"akka.actor.provider = remote\nakka.remote.enabled-transports = [\"akka.remote.ipc\"]\nakka.remote.ipc.port = {port}")
            .WithFallback(Default);
    }

    private static Config Load()
    {
        var config = ConfigurationFactory.FromResource(ResourceName, typeof(IpcRemoteConfig).Assembly);
        return config is null || config.IsEmpty
            ? throw new InvalidOperationException($"The AkkaIpc.Remote assembly lacks its embedded resource {ResourceName}.")
            : config;
    }
}
