using Akka.Actor;
using AkkaIpc.Hosting.Internal;

namespace AkkaIpc.Hosting;

/// <summary>
/// What <see cref="IpcHostingExtensions.WithIpc(Akka.Hosting.AkkaConfigurationBuilder, IpcOptions)"/> adds: settings,
/// each mapped to its <c>akka.ipc</c> key (null leaves the key to the rest of the configuration, and in the end to
/// AkkaIpc's reference.conf), and the sockets to start with the actor system.
/// </summary>
/// <remarks>
/// Values are validated when the actor system starts the Ipc extension; a bad one fails with the <c>akka.ipc</c> key's
/// full path. Defaults, units and limits are those of <c>hocon/reference.conf</c>.
/// </remarks>
public sealed class IpcOptions
{
    /// <summary><c>akka.ipc.socket.framing</c>: raw (the default) or length-prefixed.</summary>
    public Framing? Framing { get; set; }

    /// <summary><c>akka.ipc.socket.max-frame-size</c>, in bytes.</summary>
    public int? MaxFrameSize { get; set; }

    /// <summary><c>akka.ipc.socket.send-queue-limit</c>, in bytes.</summary>
    public int? SendQueueLimit { get; set; }

    /// <summary><c>akka.ipc.socket.receive-buffer-limit</c>, in bytes.</summary>
    public int? ReceiveBufferLimit { get; set; }

    /// <summary><c>akka.ipc.socket.close-timeout</c>: how long Close (and the host's shutdown) waits for queued bytes.</summary>
    public TimeSpan? CloseTimeout { get; set; }

    /// <summary><c>akka.ipc.socket.max-path-bytes</c>: longest accepted path in UTF-8 bytes.</summary>
    public int? MaxPathBytes { get; set; }

    /// <summary><c>akka.ipc.socket.file-mode</c>: permission bits of the socket files listeners and servers create.</summary>
    public UnixFileMode? FileMode { get; set; }

    /// <summary><c>akka.ipc.socket.allowed-peer-uids</c>: peer uids listeners and servers accept (empty: own uid only).</summary>
    public IReadOnlyList<int>? AllowedPeerUids { get; set; }

    /// <summary><c>akka.ipc.socket.allow-any-peer-uid</c>: accept peers of any uid.</summary>
    public bool? AllowAnyPeerUid { get; set; }

    /// <summary><c>akka.ipc.backoff.min</c>: delay before the first restart.</summary>
    public TimeSpan? BackoffMin { get; set; }

    /// <summary><c>akka.ipc.backoff.max</c>: cap of the doubling restart delay.</summary>
    public TimeSpan? BackoffMax { get; set; }

    /// <summary><c>akka.ipc.backoff.random-factor</c>: jitter fraction added to each delay (0 to 1).</summary>
    public double? BackoffRandomFactor { get; set; }

    /// <summary><c>akka.ipc.backoff.max-retries</c>: restarts allowed within <see cref="RetryWindow"/>; -1 unlimited.</summary>
    public int? MaxRetries { get; set; }

    /// <summary><c>akka.ipc.backoff.retry-window</c>: the window <see cref="MaxRetries"/> is counted in.</summary>
    public TimeSpan? RetryWindow { get; set; }

    /// <summary><c>akka.ipc.server.max-connections</c>: connections a server keeps open at once.</summary>
    public int? MaxConnections { get; set; }

    /// <summary><c>akka.ipc.server.accept-retry-delay</c>: pause after accepting failed with 100.</summary>
    public TimeSpan? AcceptRetryDelay { get; set; }

    /// <summary>
    /// The sockets started, in this order, once the actor system is up; each is registered in the
    /// <see cref="Akka.Hosting.ActorRegistry"/> under its <see cref="IpcEndpointOptions.Key"/>.
    /// </summary>
    public IList<IpcEndpointOptions> Endpoints { get; } = new List<IpcEndpointOptions>();

    /// <summary>Declares a listener (one peer at a time, <c>system.Ipc().Listen</c>) registered under <typeparamref name="TKey"/>.</summary>
    /// <typeparam name="TKey">The registry key: application code gets the socket's ref with <c>IRequiredActor&lt;TKey&gt;</c>.</typeparam>
    /// <param name="path">The socket file path.</param>
    /// <param name="configure">Sets the endpoint's own options (actor name, framing), or null.</param>
    /// <returns>These options.</returns>
    /// <exception cref="ArgumentException"><paramref name="path"/> is null or empty.</exception>
    public IpcOptions Listen<TKey>(string path, Action<IpcEndpointOptions>? configure = null) =>
        Add(SocketRole.Listener, path, typeof(TKey), configure);

    /// <summary>Declares a connector (<c>system.Ipc().Connect</c>, retrying while nothing listens) registered under <typeparamref name="TKey"/>.</summary>
    /// <typeparam name="TKey">The registry key.</typeparam>
    /// <param name="path">The socket file path.</param>
    /// <param name="configure">Sets the endpoint's own options, or null.</param>
    /// <returns>These options.</returns>
    /// <exception cref="ArgumentException"><paramref name="path"/> is null or empty.</exception>
    public IpcOptions Connect<TKey>(string path, Action<IpcEndpointOptions>? configure = null) =>
        Add(SocketRole.Connector, path, typeof(TKey), configure);

    /// <summary>Declares a server (many peers, <c>system.Ipc().Serve</c>) registered under <typeparamref name="TKey"/>.</summary>
    /// <typeparam name="TKey">The registry key.</typeparam>
    /// <param name="path">The socket file path.</param>
    /// <param name="configure">Sets the endpoint's own options, or null.</param>
    /// <returns>These options.</returns>
    /// <exception cref="ArgumentException"><paramref name="path"/> is null or empty.</exception>
    public IpcOptions Serve<TKey>(string path, Action<IpcEndpointOptions>? configure = null) =>
        Add(SocketRole.Server, path, typeof(TKey), configure);

    /// <summary>The <c>akka.ipc</c> HOCON of the settings that are set (empty when none is).</summary>
    /// <returns>One <c>key = value</c> line per set option.</returns>
    public override string ToString() => IpcOptionKeys.ToHocon(this);

    private IpcOptions Add(SocketRole role, string path, Type key, Action<IpcEndpointOptions>? configure)
    {
        var endpoint = new IpcEndpointOptions(role, path, key);
        configure?.Invoke(endpoint);
        Endpoints.Add(endpoint);
        return this;
    }
}
