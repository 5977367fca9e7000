using System.Net.Sockets;

namespace AkkaIpc.TestKit;

/// <summary>
/// A <see cref="ScriptedPeer"/> in the spec's own process, on a real Unix socket: it either connects to a link's
/// listener (<see cref="ConnectAsync"/>) or listens for a link's connector (<see cref="Listen"/>).
/// </summary>
public sealed class SocketPeer : ScriptedPeer
{
    private readonly string _path;
    private readonly Socket? _listener;
    private readonly TaskCompletionSource<Socket> _connection = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private SocketPeer(string path, Socket? listener, PeerFraming framing, TimeSpan defaultTimeout)
        : base(framing, defaultTimeout)
    {
        _path = path;
        _listener = listener;
    }

    /// <summary>Completes once the connection is up (at once for a connected peer, on accept for a listening one).</summary>
    public Task Connected => _connection.Task;

    /// <summary>Connects to the listener on <paramref name="path"/>.</summary>
    /// <param name="path">The socket file path.</param>
    /// <param name="framing">How messages are framed.</param>
    /// <param name="defaultTimeout">How long expectations wait by default (null: 3 s).</param>
    /// <returns>The connected peer.</returns>
    /// <exception cref="SocketException">Nothing listens on <paramref name="path"/>.</exception>
    public static async Task<SocketPeer> ConnectAsync(string path, PeerFraming framing = PeerFraming.LengthPrefixed, TimeSpan? defaultTimeout = null)
    {
        var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        try
        {
            await socket.ConnectAsync(new UnixDomainSocketEndPoint(path)).ConfigureAwait(false);
        }
        catch
        {
            socket.Dispose();
            throw;
        }

        var peer = new SocketPeer(path, null, framing, defaultTimeout ?? TimeSpan.FromSeconds(3));
        peer.Start(socket);
        return peer;
    }

    /// <summary>
    /// Listens on <paramref name="path"/> (bound when this returns) and accepts one connection in the background; a
    /// send waits for it. The socket file is removed on <see cref="ScriptedPeer.Dispose()"/>.
    /// </summary>
    /// <param name="path">The socket file path (must not exist).</param>
    /// <param name="framing">How messages are framed.</param>
    /// <param name="defaultTimeout">How long expectations wait by default (null: 3 s).</param>
    /// <returns>The listening peer.</returns>
    public static SocketPeer Listen(string path, PeerFraming framing = PeerFraming.LengthPrefixed, TimeSpan? defaultTimeout = null)
    {
        var listener = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        listener.Bind(new UnixDomainSocketEndPoint(path));
        listener.Listen(1);
        var peer = new SocketPeer(path, listener, framing, defaultTimeout ?? TimeSpan.FromSeconds(3));
        _ = peer.AcceptAsync(listener);
        return peer;
    }

    /// <summary>Shuts the sending side down: the link sees end of stream while this peer can still read.</summary>
    public void HalfClose() => Connection().Shutdown(SocketShutdown.Send);

    /// <inheritdoc />
    public override void Close()
    {
        var socket = Connection();
        socket.Shutdown(SocketShutdown.Both);
        socket.Dispose();
    }

    /// <inheritdoc />
    public override void Abort() => Connection().Dispose();

    /// <inheritdoc />
    protected override void Transmit(ReadOnlySpan<byte> bytes)
    {
        var socket = Connection();
        while (!bytes.IsEmpty)
            bytes = bytes[socket.Send(bytes)..];
    }

    /// <inheritdoc />
    protected override string Describe() => $"scripted peer ({(_listener is null ? "connected to" : "listening on")} {_path})";

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _listener?.Dispose();
            if (_connection.Task.IsCompletedSuccessfully)
                _connection.Task.Result.Dispose();
            if (_listener is not null)
                File.Delete(_path);
        }

        base.Dispose(disposing);
    }

    private async Task AcceptAsync(Socket listener)
    {
        try
        {
            Start(await listener.AcceptAsync().ConfigureAwait(false));
        }
        catch (Exception ex) when (ex is SocketException or ObjectDisposedException)
        {
            _connection.TrySetException(ex);
            End("never connected: " + ex.Message);
        }
    }

    private void Start(Socket socket)
    {
        _connection.TrySetResult(socket);
        _ = ReceiveAsync(socket);
    }

    private Socket Connection() => _connection.Task.Wait(DefaultTimeout)
        ? _connection.Task.Result
        : throw new Xunit.Sdk.XunitException($"{Describe()}: no link connected within {DefaultTimeout}");

    private async Task ReceiveAsync(Socket socket)
    {
        var buffer = new byte[64 * 1024];
        try
        {
            int read;
            while ((read = await socket.ReceiveAsync(buffer, SocketFlags.None).ConfigureAwait(false)) > 0)
                Deliver(buffer.AsSpan(0, read));
            End(null);
        }
        catch (Exception ex) when (ex is SocketException or ObjectDisposedException)
        {
            End(ex is SocketException { SocketErrorCode: SocketError.ConnectionReset } ? "reset" : ex.Message);
        }
    }
}
