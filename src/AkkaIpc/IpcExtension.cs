using System.Collections.Concurrent;
using Akka;
using Akka.Actor;
using AkkaIpc.Internal;

namespace AkkaIpc;

/// <summary>
/// The entry point of AkkaIpc in an actor system: starts listeners, connectors and servers by path, each under
/// <c>/user</c>, and returns the ref to send commands (<see cref="Write"/>, <see cref="Flush"/>, <see cref="Close()"/>, ...) to. Get it with
/// <see cref="Get"/> or <c>system.Ipc()</c>.
/// </summary>
/// <remarks>
/// A listener or connector ref is a supervisor that keeps one socket alive: after a lost connection (102), and for a
/// connector while nothing listens (103), it restarts the socket with exponential backoff (<c>akka.ipc.backoff</c>),
/// telling subscribers <see cref="Restarting"/> and finally <see cref="GaveUp"/>; 100, 105 and 107 are reported
/// (<see cref="IpcError"/> then <see cref="GaveUp"/>) and never retried. The ref stops after
/// <see cref="GaveUp"/> or <see cref="Closed"/>. When the actor system shuts down (Akka's
/// <see cref="CoordinatedShutdown"/>, phase <c>service-unbind</c>), every link still open is closed as by a
/// <see cref="Close"/> command: queued bytes get their close-timeout and listeners remove their socket files.
/// </remarks>
public sealed class IpcExtension : IExtension
{
    private readonly ActorSystem _system;
    private readonly ConcurrentDictionary<IActorRef, byte> _links = new();
    private int _started;

    internal IpcExtension(ExtendedActorSystem system)
    {
        _system = system;
        Settings = IpcSettings.Create(system.Settings.Config);
        var shutdown = CoordinatedShutdown.Get(system);
        shutdown.AddTask(CoordinatedShutdown.PhaseServiceUnbind, "akka-ipc-close-links",
            () => CloseLinksAsync(shutdown.Timeout(CoordinatedShutdown.PhaseServiceUnbind)));
    }

    /// <summary>The <c>akka.ipc</c> settings, read once when the extension started (reference.conf is the fallback).</summary>
    public IpcSettings Settings { get; }

    /// <summary>Returns the system's extension, registering (and so creating) it on first use.</summary>
    /// <param name="system">The actor system.</param>
    /// <returns>The extension.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="system"/> is null.</exception>
    /// <exception cref="Akka.Configuration.ConfigurationException">An <c>akka.ipc</c> value is invalid (on first use);
    /// the message starts with the key's full path.</exception>
    public static IpcExtension Get(ActorSystem system)
    {
        ArgumentNullException.ThrowIfNull(system);
        return system.WithExtension<IpcExtension, IpcExtensionProvider>();
    }

    /// <summary>
    /// Listens on <paramref name="path"/> for one peer at a time (the reference <c>Listen</c>), under a supervisor that
    /// listens again after the peer goes. A stale socket file is reclaimed; a live listener or a file that is not a
    /// socket makes it fail with 105 (reported, not retried).
    /// </summary>
    /// <param name="path">The socket file path (at most <c>akka.ipc.socket.max-path-bytes</c> UTF-8 bytes, else 107).</param>
    /// <param name="subscriber">An actor subscribed from the start (it sees the first <see cref="Connected"/>), or null.</param>
    /// <param name="settings">Settings for this socket, or null for <see cref="Settings"/>' socket settings.</param>
    /// <param name="name">The actor name under <c>/user</c>, or null for a generated one.</param>
    /// <returns>The socket's ref (the supervisor): send it commands and <see cref="Subscribe"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="path"/> is null.</exception>
    /// <exception cref="InvalidActorNameException"><paramref name="name"/> is invalid or already taken.</exception>
    public IActorRef Listen(string path, IActorRef? subscriber = null, IpcSocketSettings? settings = null, string? name = null) =>
        Start(SocketRole.Listener, path, subscriber, settings, name);

    /// <summary>
    /// Connects to the listener on <paramref name="path"/> (the reference <c>Connect</c>), under a supervisor that
    /// retries with backoff while nothing listens (103) and reconnects after the connection is lost (102).
    /// </summary>
    /// <param name="path">The socket file path.</param>
    /// <param name="subscriber">An actor subscribed from the start, or null.</param>
    /// <param name="settings">Settings for this socket, or null for <see cref="Settings"/>' socket settings.</param>
    /// <param name="name">The actor name under <c>/user</c>, or null for a generated one.</param>
    /// <returns>The socket's ref (the supervisor).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="path"/> is null.</exception>
    /// <exception cref="InvalidActorNameException"><paramref name="name"/> is invalid or already taken.</exception>
    public IActorRef Connect(string path, IActorRef? subscriber = null, IpcSocketSettings? settings = null, string? name = null) =>
        Start(SocketRole.Connector, path, subscriber, settings, name);

    /// <summary>
    /// Serves many peers on <paramref name="path"/>: every accepted peer becomes its own connection actor, announced to
    /// the subscribers with <see cref="PeerConnected"/> and <see cref="PeerDisconnected"/>; the subscribers also get
    /// each connection's <see cref="Received"/> events with <c>Sender</c> = the connection.
    /// </summary>
    /// <param name="path">The socket file path.</param>
    /// <param name="subscriber">An actor subscribed from the start, or null.</param>
    /// <param name="settings">Settings for the server and its connections, or null for <see cref="Settings"/>' ones.</param>
    /// <param name="name">The actor name under <c>/user</c>, or null for a generated one.</param>
    /// <returns>The server's ref: <see cref="Subscribe"/>, <see cref="GetStatus"/> and <see cref="Close()"/> (which closes
    /// every connection).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="path"/> is null.</exception>
    /// <exception cref="InvalidActorNameException"><paramref name="name"/> is invalid or already taken.</exception>
    public IActorRef Serve(string path, IActorRef? subscriber = null, IpcSocketSettings? settings = null, string? name = null) =>
        Start(SocketRole.Server, path, subscriber, settings, name);

    /// <summary>
    /// Like <see cref="Listen"/>, and completes once the socket file is bound and accepting peers, so a peer that does
    /// not retry can connect from then on.
    /// </summary>
    /// <param name="path">The socket file path.</param>
    /// <param name="subscriber">An actor subscribed from the start, or null.</param>
    /// <param name="settings">Settings for this socket, or null for <see cref="Settings"/>' socket settings.</param>
    /// <param name="name">The actor name under <c>/user</c>, or null for a generated one.</param>
    /// <param name="cancellationToken">Stops waiting; the link is then closed.</param>
    /// <returns>The listening link's ref.</returns>
    /// <exception cref="Sockets.IpcSocketException">The link gave up first: its code (105 a live listener or a foreign
    /// file holds the path, 107 a bad path, 100 ...) and message, naming the path.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public Task<IActorRef> ListenAsync(string path, IActorRef? subscriber = null, IpcSocketSettings? settings = null,
        string? name = null, CancellationToken cancellationToken = default) =>
        StartAsync(SocketRole.Listener, AwaitListening.Instance, path, subscriber, settings, name, cancellationToken);

    /// <summary>
    /// Like <see cref="Connect"/>, and completes once the link is connected, so writes sent from then on are taken (a
    /// connector whose listener is not up yet keeps retrying meanwhile, within <c>akka.ipc.backoff</c>).
    /// </summary>
    /// <param name="path">The socket file path.</param>
    /// <param name="subscriber">An actor subscribed from the start, or null.</param>
    /// <param name="settings">Settings for this socket, or null for <see cref="Settings"/>' socket settings.</param>
    /// <param name="name">The actor name under <c>/user</c>, or null for a generated one.</param>
    /// <param name="cancellationToken">Stops waiting; the link is then closed.</param>
    /// <returns>The connected link's ref.</returns>
    /// <exception cref="Sockets.IpcSocketException">The link gave up first (the retry budget was spent while nothing
    /// listened: 103; or 107, 100 ...), with the code and a message naming the path.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public Task<IActorRef> ConnectAsync(string path, IActorRef? subscriber = null, IpcSocketSettings? settings = null,
        string? name = null, CancellationToken cancellationToken = default) =>
        StartAsync(SocketRole.Connector, AwaitConnected.Instance, path, subscriber, settings, name, cancellationToken);

    /// <summary>Like <see cref="Serve"/>, and completes once the server's socket file is bound and accepting peers.</summary>
    /// <param name="path">The socket file path.</param>
    /// <param name="subscriber">An actor subscribed from the start, or null.</param>
    /// <param name="settings">Settings for the server and its connections, or null for <see cref="Settings"/>' ones.</param>
    /// <param name="name">The actor name under <c>/user</c>, or null for a generated one.</param>
    /// <param name="cancellationToken">Stops waiting; the server is then closed.</param>
    /// <returns>The listening server's ref.</returns>
    /// <exception cref="Sockets.IpcSocketException">The server could not listen (105, 107, 100), with the code and a
    /// message naming the path.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public Task<IActorRef> ServeAsync(string path, IActorRef? subscriber = null, IpcSocketSettings? settings = null,
        string? name = null, CancellationToken cancellationToken = default) =>
        StartAsync(SocketRole.Server, AwaitListening.Instance, path, subscriber, settings, name, cancellationToken);

    private async Task<IActorRef> StartAsync(SocketRole role, object readiness, string path, IActorRef? subscriber,
        IpcSocketSettings? settings, string? name, CancellationToken cancellationToken)
    {
        // A link can give up (105 on a foreign file, ...) and stop on other threads before the request below reaches it,
        // and then nobody would answer; so it also reports why it will not get ready straight to this call.
        var notReady = new TaskCompletionSource<Sockets.IpcSocketException>(TaskCreationOptions.RunContinuationsAsynchronously);
        var link = Start(role, path, subscriber, settings, name, reason => notReady.TrySetResult(reason));
        try
        {
            var ready = link.Ask<object>(readiness, Timeout.InfiniteTimeSpan, cancellationToken);
            if (await Task.WhenAny(ready, notReady.Task).ConfigureAwait(false) != ready && !ready.IsCompleted)
                throw notReady.Task.Result;
            await ready.ConfigureAwait(false);
            return link;
        }
        catch (OperationCanceledException)
        {
            // The caller never gets this ref, so nobody else could close it. (A link that gave up has stopped.)
            link.Tell(Close.Instance, ActorRefs.NoSender);
            throw;
        }
    }

    private IActorRef Start(SocketRole role, string path, IActorRef? subscriber, IpcSocketSettings? settings, string? name,
        Action<Sockets.IpcSocketException>? notReady = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        var effective = settings ?? Settings.Socket;
        var props = role == SocketRole.Server
            ? ServerActor.Props(path, effective, subscriber, notReady)
            : SocketSupervisor.Props(role, path, effective, subscriber, notReady);
        var actorName = name ?? $"ipc-{role.ToString().ToLowerInvariant()}-{Interlocked.Increment(ref _started)}";
        var link = _system.ActorOf(props, actorName);
        _links.TryAdd(link, 0);
        _ = link.WatchAsync().ContinueWith(_ => _links.TryRemove(link, out byte _), TaskScheduler.Default);
        return link;
    }

    private async Task<Done> CloseLinksAsync(TimeSpan timeout)
    {
        // A link still draining when the phase ends (false) is stopped by the actor system next, releasing its socket.
        await Task.WhenAll(_links.Keys.Select(link => link.GracefulStop(timeout, Close.Instance))).ConfigureAwait(false);
        return Done.Instance;
    }
}
