using Akka.Actor;

namespace AkkaIpc;

/// <summary>The Akka extension id of <see cref="IpcExtension"/> (also usable in <c>akka.extensions</c>).</summary>
public sealed class IpcExtensionProvider : ExtensionIdProvider<IpcExtension>
{
    /// <summary>Creates the extension for <paramref name="system"/>, reading and validating <c>akka.ipc</c>.</summary>
    /// <param name="system">The actor system.</param>
    /// <returns>The extension.</returns>
    /// <exception cref="Akka.Configuration.ConfigurationException">An <c>akka.ipc</c> value is invalid.</exception>
    public override IpcExtension CreateExtension(ExtendedActorSystem system) => new(system);
}
