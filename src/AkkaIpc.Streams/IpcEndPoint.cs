using System.Net;
using System.Net.Sockets;

namespace AkkaIpc.Streams;

/// <summary>
/// One end of a connection over a socket path, as the <see cref="EndPoint"/> of Akka.Streams' <c>Tcp</c> types
/// (<c>ServerBinding.LocalAddress</c>, <c>IncomingConnection.RemoteAddress</c>, ...): the path, and for the remote
/// end the peer process's credentials (SO_PEERCRED) when the kernel reported them.
/// </summary>
public sealed class IpcEndPoint : EndPoint
{
    /// <summary>Creates an end point for <paramref name="path"/>.</summary>
    /// <param name="path">The socket file's path.</param>
    /// <param name="peer">The process at this end, or null when not known (a local end, or off Linux).</param>
    /// <exception cref="ArgumentNullException"><paramref name="path"/> is null.</exception>
    public IpcEndPoint(string path, PeerCredentials? peer = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        Path = path;
        Peer = peer;
    }

    /// <summary>The socket file's path.</summary>
    public string Path { get; }

    /// <summary>The process at this end (pid, uid, gid), or null when not known.</summary>
    public PeerCredentials? Peer { get; }

    /// <summary>Always <see cref="AddressFamily.Unix"/>.</summary>
    public override AddressFamily AddressFamily => AddressFamily.Unix;

    /// <summary>The path, and the peer's pid and uid when known.</summary>
    /// <returns>For example <c>/tmp/app.sock (pid 4242, uid 1000)</c>.</returns>
    public override string ToString() => Peer is { } p ? $"{Path} (pid {p.Pid}, uid {p.Uid})" : Path;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is IpcEndPoint other && other.Path == Path && Equals(other.Peer, Peer);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Path, Peer);
}
