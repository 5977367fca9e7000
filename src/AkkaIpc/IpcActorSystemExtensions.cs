using Akka.Actor;

namespace AkkaIpc;

/// <summary><c>system.Ipc()</c>: the short way to <see cref="IpcExtension.Get"/>.</summary>
public static class IpcActorSystemExtensions
{
    /// <summary>Returns the system's <see cref="IpcExtension"/>, creating it on first use.</summary>
    /// <param name="system">The actor system.</param>
    /// <returns>The extension.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="system"/> is null.</exception>
    /// <exception cref="Akka.Configuration.ConfigurationException">An <c>akka.ipc</c> value is invalid (on first use).</exception>
    public static IpcExtension Ipc(this ActorSystem system) => IpcExtension.Get(system);
}
