using Akka.Actor;

namespace AkkaIpc.Streams;

/// <summary><c>system.IpcStream()</c>: Akka.Streams over socket paths, as <c>system.TcpStream()</c> is over TCP.</summary>
public static class IpcStreamActorSystemExtensions
{
    /// <summary>Returns the system's <see cref="IpcStreamExtension"/>, creating it on first use.</summary>
    /// <param name="system">The actor system.</param>
    /// <returns>The extension.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="system"/> is null.</exception>
    /// <exception cref="Akka.Configuration.ConfigurationException">An <c>akka.ipc</c> value is invalid (on first use).</exception>
    public static IpcStreamExtension IpcStream(this ActorSystem system) => IpcStreamExtension.Get(system);
}
