using System.Collections.Immutable;
using System.Runtime.InteropServices;
using System.Text;
using Akka.Actor;
using Akka.IO;

namespace AkkaIpc;

/// <summary>
/// Queues bytes for the peer. Send to the ref returned by <see cref="IpcExtension.Listen"/> or
/// <see cref="IpcExtension.Connect"/>, or to a connection from <see cref="PeerConnected.Connection"/>.
/// In <see cref="Framing.LengthPrefixed"/> mode the data is sent as one frame.
/// </summary>
/// <remarks>
/// Replies: when <paramref name="Ack"/> is not null, the <paramref name="Ack"/> object itself, once every byte of this
/// write (and of the writes before it) has been handed to the kernel. Fails with <see cref="CommandFailed"/>
/// (sent whether or not an ack was asked for): 106 when the socket is not connected (including while the supervisor
/// is restarting it), 108 when the send queue (<c>akka.ipc.socket.send-queue-limit</c>) or the frame size
/// (<c>akka.ipc.socket.max-frame-size</c>) would be exceeded (nothing of the write is queued then), and 102 when the
/// connection is lost before the bytes reached the kernel. Each write with an ack gets exactly one of these answers.
/// </remarks>
/// <param name="Data">The bytes to send; a default array is treated as empty.</param>
/// <param name="Ack">Any object to send back once the bytes are in the kernel, or null for no acknowledgement.</param>
public sealed record Write(ImmutableArray<byte> Data, object? Ack = null)
{
    /// <summary>Creates a write of <paramref name="text"/> encoded as UTF-8.</summary>
    /// <param name="text">The text to send.</param>
    /// <param name="ack">The acknowledgement to send back, or null for none.</param>
    /// <returns>The write command.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is null.</exception>
    public static Write Text(string text, object? ack = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Owning(Encoding.UTF8.GetBytes(text), ack);
    }

    /// <summary>Creates a write of a copy of <paramref name="data"/>; the caller may reuse its buffer at once.</summary>
    /// <param name="data">The bytes to send (a <c>byte[]</c>, a <c>ReadOnlyMemory&lt;byte&gt;</c>'s span, ...).</param>
    /// <param name="ack">The acknowledgement to send back, or null for none.</param>
    /// <returns>The write command, which owns its copy.</returns>
    public static Write CopyOf(ReadOnlySpan<byte> data, object? ack = null) => new(ImmutableArray.Create(data), ack);

    /// <summary>
    /// Creates a write that takes <paramref name="data"/> over without a copy. The caller hands the array over: it
    /// must never change it again (the bytes are read when the socket sends them, possibly much later).
    /// </summary>
    /// <param name="data">The bytes to send; the write owns the array from now on.</param>
    /// <param name="ack">The acknowledgement to send back, or null for none.</param>
    /// <returns>The write command.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="data"/> is null.</exception>
    public static Write Owning(byte[] data, object? ack = null)
    {
        ArgumentNullException.ThrowIfNull(data);
        return new Write(ImmutableCollectionsMarshal.AsImmutableArray(data), ack);
    }

    /// <summary>
    /// Creates a write of an Akka <see cref="ByteString"/>, copied once into the write (Akka's byte strings do not
    /// expose their buffers, so the copy is the one way to hand them to the socket).
    /// </summary>
    /// <param name="data">The bytes to send.</param>
    /// <param name="ack">The acknowledgement to send back, or null for none.</param>
    /// <returns>The write command.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="data"/> is null.</exception>
    public static Write From(ByteString data, object? ack = null)
    {
        ArgumentNullException.ThrowIfNull(data);
        return data.IsCompact ? CopyOf(data.ToReadOnlySpan(), ack) : Owning(data.ToArray(), ack);
    }

    /// <inheritdoc />
    public override string ToString() => $"Write({(Data.IsDefault ? 0 : Data.Length)} bytes, Ack = {Ack ?? "none"})";
}

/// <summary>
/// Pushes queued bytes to the kernel now instead of letting the socket coalesce them. Send to a socket ref.
/// No reply; fails with <see cref="CommandFailed"/> 106 when the socket is not connected.
/// </summary>
public sealed record Flush
{
    private Flush()
    {
    }

    /// <summary>The only instance.</summary>
    public static Flush Instance { get; } = new();
}

/// <summary>
/// Closes the socket for good: no restart follows. Send to a socket ref (or a server, which closes every connection).
/// Every subscriber, and the sender if it is not one, gets <see cref="Closed"/>; the ref then stops. Never fails.
/// </summary>
public sealed record Close
{
    private Close()
    {
    }

    /// <summary>The only instance.</summary>
    public static Close Instance { get; } = new();
}

/// <summary>
/// Adds <paramref name="Subscriber"/> to the actors that receive this socket's events. Send to a socket or server ref.
/// Replies <see cref="Subscribed"/>; if the socket is connected at that moment the subscriber also gets a
/// <see cref="Connected"/> at once. Subscribers are death-watched and dropped when they stop, and they survive
/// supervised restarts. Subscribing twice has no further effect. Never fails.
/// </summary>
/// <param name="Subscriber">The actor to receive the events.</param>
public sealed record Subscribe(IActorRef Subscriber);

/// <summary>
/// Removes <paramref name="Subscriber"/> from the actors that receive this socket's events. Send to a socket or server
/// ref. Replies <see cref="Unsubscribed"/> (also when it was not subscribed). Never fails.
/// </summary>
/// <param name="Subscriber">The actor to remove.</param>
public sealed record Unsubscribe(IActorRef Subscriber);

/// <summary>
/// Asks for the socket's state. Send to a socket or server ref. Replies <see cref="SocketStatus"/>. Never fails.
/// </summary>
public sealed record GetStatus
{
    private GetStatus()
    {
    }

    /// <summary>The only instance.</summary>
    public static GetStatus Instance { get; } = new();
}

/// <summary>
/// Asks a socket ref (from <see cref="IpcExtension.Listen"/> or <see cref="IpcExtension.Connect"/>) to answer once its
/// socket is connected to a peer: the reply is <see cref="Connected"/> (at once if it is connected already), or, if
/// the link ends first, <see cref="Status.Failure"/> with an <see cref="Sockets.IpcSocketException"/> carrying the
/// code (the cause of <see cref="GaveUp"/>, or 106 when it was closed). So <c>await link.Ask&lt;Connected&gt;(
/// AwaitConnected.Instance, timeout)</c> either returns or throws the socket's error. Any number may wait.
/// </summary>
public sealed record AwaitConnected
{
    private AwaitConnected()
    {
    }

    /// <summary>The only instance.</summary>
    public static AwaitConnected Instance { get; } = new();
}

/// <summary>
/// Asks a listener ref or a server ref to answer once its socket file is bound and accepting peers: the reply is
/// <see cref="Listening"/> (at once if it is listening now), or <see cref="Status.Failure"/> with an
/// <see cref="Sockets.IpcSocketException"/> if the link ends first (105 when another listener holds the path, ...).
/// A connector answers with 106 at once. A listener serves one peer at a time: while it has one it is not listening,
/// and the reply comes once it listens again.
/// </summary>
public sealed record AwaitListening
{
    private AwaitListening()
    {
    }

    /// <summary>The only instance.</summary>
    public static AwaitListening Instance { get; } = new();
}
