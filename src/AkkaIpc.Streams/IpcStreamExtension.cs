using Akka;
using Akka.Actor;
using Akka.IO;
using Akka.Streams;
using Akka.Streams.Dsl;
using AkkaIpc.Streams.Internal;
using StreamTcp = Akka.Streams.Dsl.Tcp;

namespace AkkaIpc.Streams;

/// <summary>
/// Akka.Streams over socket paths: the shape of Akka's <c>system.TcpStream()</c> (which cannot use Unix domain
/// sockets) with the same element types — <see cref="StreamTcp.IncomingConnection"/>,
/// <see cref="StreamTcp.ServerBinding"/> and <see cref="StreamTcp.OutgoingConnection"/>, whose addresses are
/// <see cref="IpcEndPoint"/>s. Sockets follow AkkaIpc's rules from <c>akka.ipc.socket</c> (or the settings passed in):
/// a stale socket file is reclaimed, a live listener's file or a non-socket is refused with 105, the file gets
/// <c>file-mode</c>, and peers of uids not allowed are refused. Get it with <c>system.IpcStream()</c>.
/// </summary>
/// <remarks>
/// Backpressure is real: a connection reads from its socket only when downstream pulls, so a slow consumer fills the
/// socket's receive buffer (<c>receive-buffer-limit</c>) and then the kernel's, and the peer's writes wait. Chunk
/// boundaries are not kept: frame with Akka's <see cref="Framing"/> stages. Errors carry AkkaIpc's codes
/// (<see cref="Sockets.IpcSocketException"/>).
/// </remarks>
public sealed class IpcStreamExtension : IExtension
{
    private readonly IpcSocketSettings _defaults;

    internal IpcStreamExtension(ExtendedActorSystem system) => _defaults = system.Ipc().Settings.Socket;

    /// <summary>Returns the system's extension, creating it on first use.</summary>
    /// <param name="system">The actor system.</param>
    /// <returns>The extension.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="system"/> is null.</exception>
    /// <exception cref="Akka.Configuration.ConfigurationException">An <c>akka.ipc</c> value is invalid.</exception>
    public static IpcStreamExtension Get(ActorSystem system)
    {
        ArgumentNullException.ThrowIfNull(system);
        return system.WithExtension<IpcStreamExtension, IpcStreamExtensionProvider>();
    }

    /// <summary>
    /// A source that listens on <paramref name="path"/> when materialized and emits each accepted peer, one accept per
    /// demand. The materialized binding completes once the socket accepts connections, or fails with the
    /// <see cref="Sockets.IpcSocketException"/> (105 path in use, 107 bad path, 100 refused by the OS). Cancelling the
    /// source or <see cref="StreamTcp.ServerBinding.Unbind"/> stops listening and removes the socket file;
    /// connections already emitted stay open.
    /// </summary>
    /// <param name="path">The socket file's path.</param>
    /// <param name="halfClose">When a connection's outgoing side completes, close only its sending half and keep
    /// reading until the peer ends (false, the default for servers as in Akka: close the connection).</param>
    /// <param name="idleTimeout">Fail a connection with <see cref="TcpIdleTimeoutException"/> when no byte passed
    /// either way for this long; null (the default) for no limit.</param>
    /// <param name="settings">Socket settings, or null for <c>akka.ipc.socket</c>.</param>
    /// <returns>
    /// The source of incoming connections; each connection's flow can be materialized once, and one not materialized
    /// within <c>akka.stream.materializer.subscription-timeout</c> is closed.
    /// </returns>
    /// <exception cref="ArgumentNullException"><paramref name="path"/> is null.</exception>
    public Source<StreamTcp.IncomingConnection, Task<StreamTcp.ServerBinding>> Bind(
        string path, bool halfClose = false, TimeSpan? idleTimeout = null, IpcSocketSettings? settings = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        var options = (settings ?? _defaults).ToSocketOptions(keepOpenOnPeerClosed: true);
        return Source.FromGraph(new ConnectionSourceStage(path, options, (socket, remote, abandonAfter) =>
            new StreamTcp.IncomingConnection(
                new IpcEndPoint(path),
                remote,
                IdleTimeout.Apply(Flow.FromGraph(new IncomingConnectionStage(socket, halfClose, abandonAfter)), idleTimeout, path))));
    }

    /// <summary>
    /// <see cref="Bind"/> and handle every connection with <paramref name="handler"/> (materialized once per connection).
    /// </summary>
    /// <param name="handler">The server logic of one connection: bytes received in, bytes to send out.</param>
    /// <param name="materializer">Runs the connections.</param>
    /// <param name="path">The socket file's path.</param>
    /// <param name="halfClose">As for <see cref="Bind"/>.</param>
    /// <param name="idleTimeout">As for <see cref="Bind"/>.</param>
    /// <param name="settings">Socket settings, or null for <c>akka.ipc.socket</c>.</param>
    /// <returns>The binding, once listening (failed as for <see cref="Bind"/>).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="handler"/>, <paramref name="materializer"/> or <paramref name="path"/> is null.</exception>
    public Task<StreamTcp.ServerBinding> BindAndHandle(
        Flow<ByteString, ByteString, NotUsed> handler,
        IMaterializer materializer,
        string path,
        bool halfClose = false,
        TimeSpan? idleTimeout = null,
        IpcSocketSettings? settings = null)
    {
        ArgumentNullException.ThrowIfNull(handler);
        ArgumentNullException.ThrowIfNull(materializer);
        return Bind(path, halfClose, idleTimeout, settings)
            .To(Sink.ForEach<StreamTcp.IncomingConnection>(c => c.Flow.Join(handler).Run(materializer)))
            .Run(materializer);
    }

    /// <summary>
    /// A flow that connects to the listener on <paramref name="path"/> each time it is materialized: elements in are
    /// written, bytes received come out. The materialized value completes once connected (its
    /// <see cref="StreamTcp.OutgoingConnection.RemoteAddress"/> carries the listener's credentials), or fails with the
    /// <see cref="Sockets.IpcSocketException"/> (103 nothing listens, 107 bad path, 100 refused) or, after
    /// <paramref name="connectTimeout"/>, a <see cref="StreamTcpException"/>. The flow fails with 102 when the
    /// connection is lost; the peer's end of stream completes it.
    /// </summary>
    /// <param name="path">The socket file's path.</param>
    /// <param name="halfClose">When the incoming elements complete, close only the sending half and read on until the
    /// peer ends (true, the default for clients as in Akka); false closes the connection.</param>
    /// <param name="connectTimeout">Give up connecting after this long while the listener's backlog is full; null
    /// (the default) waits. Nothing listening fails at once (103) either way.</param>
    /// <param name="idleTimeout">Fail with <see cref="TcpIdleTimeoutException"/> when no byte passed either way for
    /// this long; null (the default) for no limit.</param>
    /// <param name="settings">Socket settings, or null for <c>akka.ipc.socket</c>.</param>
    /// <returns>The connection flow.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="path"/> is null.</exception>
    public Flow<ByteString, ByteString, Task<StreamTcp.OutgoingConnection>> OutgoingConnection(
        string path,
        bool halfClose = true,
        TimeSpan? connectTimeout = null,
        TimeSpan? idleTimeout = null,
        IpcSocketSettings? settings = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        var options = (settings ?? _defaults).ToSocketOptions(keepOpenOnPeerClosed: true);
        return IdleTimeout.Apply(Flow.FromGraph(new OutgoingConnectionStage(path, options, halfClose, connectTimeout)), idleTimeout, path);
    }
}
