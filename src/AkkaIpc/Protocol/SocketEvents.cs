using System.Collections.Immutable;
using System.Runtime.InteropServices;
using Akka.IO;
using AkkaIpc.Sockets;

namespace AkkaIpc;

/// <summary>
/// Event to every subscriber when the socket is connected to a peer (and to a new subscriber at once if it already
/// is). The sender is the socket ref (the supervisor), so a subscriber can write back to <c>Sender</c>. After a
/// supervised restart subscribers get it again without subscribing again.
/// </summary>
/// <param name="Path">The socket file path.</param>
/// <param name="Peer">The peer's process, user and group ids (SO_PEERCRED), or null when the OS does not say.</param>
public sealed record Connected(string Path, PeerCredentials? Peer);

/// <summary>
/// Event to every subscriber when a listener's or a server's socket is bound to its path and accepting, so a peer
/// that does not retry can connect from now on. The sender is the socket ref (the supervisor, or the server). A
/// supervised listener sends it again after each restart, once its fresh socket listens. It is not replayed: a
/// subscriber that subscribes later does not get it (ask <see cref="GetStatus"/> instead).
/// </summary>
/// <param name="Path">The socket file path now accepting connections.</param>
public sealed record Listening(string Path);

/// <summary>
/// Event to every subscriber when bytes arrive. The sender is the socket ref (for a server's connection: the
/// connection ref). In <see cref="Framing.Raw"/> mode it carries whatever bytes arrived, in
/// <see cref="Framing.LengthPrefixed"/> mode exactly one whole frame (without its header). The bytes are owned by the
/// message and never change.
/// </summary>
/// <param name="Data">The bytes received.</param>
public sealed record Received(ImmutableArray<byte> Data)
{
    /// <summary>The same bytes as an Akka <see cref="ByteString"/>, without a copy (both are immutable).</summary>
    /// <returns>The byte string.</returns>
    public ByteString ToByteString() =>
        Data.IsDefaultOrEmpty ? ByteString.Empty : ByteString.FromBytes(ImmutableCollectionsMarshal.AsArray(Data)!);

    /// <inheritdoc />
    public override string ToString() => $"Received({(Data.IsDefault ? 0 : Data.Length)} bytes)";
}

/// <summary>
/// Event to every subscriber for every error the socket raises, e.g. 102 when the peer goes, 103 while a connector
/// finds no listener, 107 for an invalid path, 108 for an oversized frame. What follows depends on the code:
/// <see cref="Restarting"/> for a recoverable one on a supervised socket, <see cref="GaveUp"/> otherwise.
/// </summary>
/// <param name="Code">The error code (same numbers as the reference IPCSocket).</param>
/// <param name="Message">The socket's message, naming the code, the cause and the path.</param>
/// <param name="Disconnection">For 102, how the connection ended; <see cref="Disconnection.None"/> for other codes.</param>
public sealed record IpcError(IpcErrorCode Code, string Message, Disconnection Disconnection = Disconnection.None);

/// <summary>How a connection ended, as the socket saw it (the detail of a 102 <see cref="IpcError"/>).</summary>
public enum Disconnection
{
    /// <summary>Not a lost connection (the error is not 102).</summary>
    None,

    /// <summary>
    /// End of stream: the peer closed its socket after reading everything sent to it: an orderly close, or a process
    /// that ended (exited or was killed) with nothing unread, which a Unix socket cannot tell apart from one.
    /// </summary>
    EndOfStream,

    /// <summary>
    /// Reset: the kernel aborted the connection, typically because the peer's process ended (crashed or was killed)
    /// or closed while bytes sent to it were still unread, or a send found the peer gone.
    /// </summary>
    Reset,
}

/// <summary>
/// Event to every subscriber of a supervised socket before each restart: the socket is down and a fresh one will be
/// opened on the same path after <paramref name="Delay"/>. Writes sent meanwhile fail with 106.
/// </summary>
/// <param name="Attempt">1 for the first restart since the last successful connection, then 2, 3, ...</param>
/// <param name="Delay">The backoff delay before the new socket opens.</param>
/// <param name="Cause">The error that brought the socket down (<see cref="IpcErrorCode.None"/> when the socket actor
/// failed with an unexpected exception, which is logged).</param>
public sealed record Restarting(int Attempt, TimeSpan Delay, IpcErrorCode Cause);

/// <summary>
/// Event to every subscriber when the supervisor stops retrying: the error is unrecoverable (100, 105, 107) or the
/// retry budget (<c>akka.ipc.backoff.max-retries</c> within <c>retry-window</c>) is spent. The socket is down for good
/// and the socket ref stops right after.
/// </summary>
/// <param name="Cause">The last error.</param>
/// <param name="Message">Why the supervisor gave up.</param>
public sealed record GaveUp(IpcErrorCode Cause, string Message);

/// <summary>
/// Event to every subscriber (and to the sender of <see cref="Close()"/>) when the socket was closed by a
/// <see cref="Close()"/> command. The socket ref stops right after; there is no restart.
/// </summary>
/// <param name="Reason">Why the socket closed.</param>
public sealed record Closed(string Reason);

/// <summary>
/// Event to every subscriber of a listener or server when a peer whose uid is not allowed
/// (<c>akka.ipc.socket.allowed-peer-uids</c>) tried to connect. The peer was refused; the socket keeps listening.
/// </summary>
/// <param name="Credentials">The refused peer's process, user and group ids.</param>
public sealed record PeerRejected(PeerCredentials Credentials);
