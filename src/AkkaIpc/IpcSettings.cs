using Akka.Configuration;

namespace AkkaIpc;

/// <summary>
/// The <c>akka.ipc</c> section of an actor system's configuration, read once by <see cref="IpcExtension"/> with
/// hocon/reference.conf as the fallback, and validated.
/// </summary>
public sealed class IpcSettings
{
    private IpcSettings(IpcSocketSettings socket) => Socket = socket;

    /// <summary>The settings every socket the extension starts uses unless the call passes its own.</summary>
    public IpcSocketSettings Socket { get; }

    /// <summary>Reads and validates the settings from <paramref name="config"/> (falling back to <see cref="IpcConfig.Default"/>).</summary>
    /// <param name="config">A full configuration, e.g. the actor system's <c>Settings.Config</c>.</param>
    /// <returns>The validated settings.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="config"/> is null.</exception>
    /// <exception cref="ConfigurationException">A value is missing or invalid; the message starts with its full key,
    /// e.g. <c>akka.ipc.backoff.min: must be &gt; 0, was -1s</c>.</exception>
    public static IpcSettings Create(Config config) => new(IpcSocketSettings.Create(config));
}
