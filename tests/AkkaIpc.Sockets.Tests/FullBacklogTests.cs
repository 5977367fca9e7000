using System.Net.Sockets;

namespace AkkaIpc.Sockets.Tests;

/// <summary>A listener whose backlog is full: ConnectAsync waits for room, as Connect does.</summary>
public sealed class FullBacklogTests : IDisposable
{
    private readonly TestPaths _paths = new();
    private readonly List<Socket> _sockets = [];

    public void Dispose()
    {
        foreach (var socket in _sockets)
            socket.Dispose();
        _paths.Dispose();
    }

    [Fact]
    public async Task ConnectAsync_waits_for_room_in_a_full_backlog_and_connects_once_the_listener_accepts()
    {
        var path = _paths.Next();
        var listener = Track(new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified));
        listener.Bind(new UnixDomainSocketEndPoint(path));
        listener.Listen(1);
        FillBacklog(path);

        using var client = new IpcSocket { Path = path };
        using var timeout = new CancellationTokenSource(EventRecorder.Timeout);
        var connecting = client.ConnectAsync(timeout.Token);

        // Room for one: the listener takes the connections queued so far, then the waiting client's. An accept waits
        // alongside the connect, not before it: the client's connection can be taken before its ConnectAsync has
        // completed (a loaded machine), and a further accept would wait for nobody.
        var accepting = listener.AcceptAsync(timeout.Token).AsTask();
        while (await Task.WhenAny(connecting, accepting) == accepting)
        {
            Track(await accepting);
            accepting = listener.AcceptAsync(timeout.Token).AsTask();
        }

        await connecting;
        Assert.True(client.IsConnected);
    }

    [Fact]
    public async Task ConnectAsync_on_a_full_backlog_ends_when_its_token_is_cancelled_and_the_socket_can_connect_again()
    {
        var path = _paths.Next();
        var listener = Track(new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified));
        listener.Bind(new UnixDomainSocketEndPoint(path));
        listener.Listen(1);
        FillBacklog(path);

        using var client = new IpcSocket { Path = path };
        using var cancel = new CancellationTokenSource();
        var connecting = client.ConnectAsync(cancel.Token);
        Assert.False(connecting.IsCompleted, "a full backlog must not fail the connect");
        await cancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => connecting);
        Assert.False(client.IsConnected);

        Track(await listener.AcceptAsync());
        Track(await listener.AcceptAsync());
        using var timeout = new CancellationTokenSource(EventRecorder.Timeout);
        await client.ConnectAsync(timeout.Token);
        Assert.True(client.IsConnected);
    }

    /// <summary>Queues non-blocking connects until the kernel refuses one for want of room.</summary>
    private void FillBacklog(string path)
    {
        for (var i = 0; i < 64; i++)
        {
            var peer = Track(new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified) { Blocking = false });
            try
            {
                peer.Connect(new UnixDomainSocketEndPoint(path));
            }
            catch (SocketException e) when (e.SocketErrorCode is SocketError.WouldBlock or SocketError.TryAgain)
            {
                return;
            }
        }

        throw new InvalidOperationException("the backlog never filled up");
    }

    private Socket Track(Socket socket)
    {
        _sockets.Add(socket);
        return socket;
    }
}
