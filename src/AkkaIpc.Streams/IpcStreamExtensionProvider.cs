using Akka.Actor;

namespace AkkaIpc.Streams;

/// <summary>The Akka extension id of <see cref="IpcStreamExtension"/>.</summary>
public sealed class IpcStreamExtensionProvider : ExtensionIdProvider<IpcStreamExtension>
{
    /// <summary>Creates the extension for <paramref name="system"/> (reading <c>akka.ipc</c> through AkkaIpc's extension).</summary>
    /// <param name="system">The actor system.</param>
    /// <returns>The extension.</returns>
    /// <exception cref="Akka.Configuration.ConfigurationException">An <c>akka.ipc</c> value is invalid.</exception>
    public override IpcStreamExtension CreateExtension(ExtendedActorSystem system) => new(system);
}
