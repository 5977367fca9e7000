using Akka.Configuration;

namespace AkkaIpc;

/// <summary>The embedded hocon/reference.conf: every <c>akka.ipc</c> key with its default.</summary>
public static class IpcConfig
{
    private const string ResourceName = "AkkaIpc.reference.conf";
    private static readonly Lazy<Config> DefaultConfig = new(Load);

    /// <summary>
    /// The reference configuration (the only home of AkkaIpc's defaults). The extension uses it as the fallback of the
    /// actor system's configuration; applications override its keys in their own HOCON.
    /// </summary>
    /// <exception cref="InvalidOperationException">The resource is missing from the assembly (a build error).</exception>
    public static Config Default => DefaultConfig.Value;

    private static Config Load()
    {
        var config = ConfigurationFactory.FromResource(ResourceName, typeof(IpcConfig).Assembly);
        return config is null || config.IsEmpty
            ? throw new InvalidOperationException($"The AkkaIpc assembly lacks its embedded resource {ResourceName}.")
            : config;
    }
}
