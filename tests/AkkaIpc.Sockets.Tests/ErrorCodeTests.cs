using System.Net.Sockets;
using AkkaIpc.Sockets.Internal;

namespace AkkaIpc.Sockets.Tests;

public sealed class ErrorCodeTests : IDisposable
{
    private readonly TestPaths _paths = new();

    public void Dispose() => _paths.Dispose();

    [Fact]
    public void LostConnection_102_when_the_connecting_peer_process_is_killed()
    {
        var path = _paths.Next();
        using var server = new IpcSocket { Path = path };
        var events = new EventRecorder(server);
        server.Listen();
        using var peer = PeerProcess.Start("connect", path);
        peer.WaitLine("Connected");
        events.WaitConnected();

        peer.Kill();

        var error = events.WaitError();
        Assert.Equal(IpcErrorCode.LostConnection, error.ErrorNumber);
        Assert.Equal($"102: the peer closed the connection ({path})", error.Message);
        Assert.False(server.IsConnected);
        Assert.False(File.Exists(path));
    }

    [Fact]
    public void LostConnection_102_when_the_listening_peer_process_is_killed_and_its_stale_file_is_reclaimed()
    {
        var path = _paths.Next();
        using var peer = PeerProcess.Start("listen", path);
        peer.WaitLine("Listening");
        using var client = new IpcSocket { Path = path };
        var events = new EventRecorder(client);
        client.Connect();
        events.WaitConnected();

        peer.Kill();

        Assert.Equal(IpcErrorCode.LostConnection, events.WaitError().ErrorNumber);
        Assert.True(File.Exists(path), "a killed listener leaves its socket file behind");
        var connectAgain = Assert.Throws<IpcSocketException>(client.Connect);
        Assert.Equal(IpcErrorCode.NameResolutionError, connectAgain.ErrorNumber);

        using var successor = new IpcSocket { Path = path };
        successor.Listen();
        client.Connect();
        Assert.True(client.IsConnected);
    }

    [Fact]
    public void LostConnection_102_when_the_peer_resets_the_connection()
    {
        var path = _paths.Next();
        using var server = new IpcSocket { Path = path };
        var events = new EventRecorder(server);
        server.Listen();
        using (var raw = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified))
        {
            raw.Connect(new UnixDomainSocketEndPoint(path));
            events.WaitConnected();
            server.Write(new byte[1000]);

            // Closing with unread bytes in its receive queue makes the kernel reset the connection (ECONNRESET).
            Assert.True(SpinWait.SpinUntil(() => raw.Available == 1000, EventRecorder.Timeout));
        }

        var error = events.WaitError();
        Assert.Equal(IpcErrorCode.LostConnection, error.ErrorNumber);
        Assert.Equal(SocketError.ConnectionReset, Assert.IsType<SocketException>(error.InnerException).SocketErrorCode);
        Assert.False(server.IsConnected);
    }

    [Fact]
    public async Task LostConnection_102_reaches_ReadAsync_after_buffered_bytes()
    {
        using var pair = new ConnectedPair(_paths.Next(), drainServer: false);
        pair.Client.Write("last words");
        pair.Client.Close();
        pair.ServerEvents.WaitError();

        var buffer = new byte[64];
        var n = await pair.Server.ReadAsync(buffer).AsTask().WaitAsync(EventRecorder.Timeout);
        Assert.Equal("last words"u8.ToArray(), buffer[..n]);
        var e = await Assert.ThrowsAsync<IpcSocketException>(() => pair.Server.ReadAsync(buffer).AsTask());
        Assert.Equal(IpcErrorCode.LostConnection, e.ErrorNumber);
    }

    [Fact]
    public async Task NameResolutionError_103_when_no_file_exists()
    {
        var path = _paths.Next();
        using var client = new IpcSocket { Path = path };
        var e = Assert.Throws<IpcSocketException>(client.Connect);
        Assert.Equal(IpcErrorCode.NameResolutionError, e.ErrorNumber);
        Assert.Equal($"103: nothing listens: no socket file at the path ({path})", e.Message);
        Assert.IsType<SocketException>(e.InnerException);
        Assert.Equal(IpcErrorCode.NameResolutionError, client.LastErrorCode);
        Assert.False(client.IsConnected);
        Assert.Equal(-1, client.Handle);

        var async = await Assert.ThrowsAsync<IpcSocketException>(() => client.ConnectAsync());
        Assert.Equal(IpcErrorCode.NameResolutionError, async.ErrorNumber);
    }

    [Fact]
    public void NameResolutionError_103_for_a_stale_socket_file_which_stays()
    {
        var path = _paths.Next();
        MakeStaleSocketFile(path);
        using var client = new IpcSocket { Path = path };
        var e = Assert.Throws<IpcSocketException>(client.Connect);
        Assert.Equal(IpcErrorCode.NameResolutionError, e.ErrorNumber);
        Assert.Contains("refuses connections", e.Message, StringComparison.Ordinal);
        Assert.Equal(FileKind.Socket, FileIdentity.Of(path)?.Kind);
    }

    [Fact]
    public void Stale_file_then_Listen_is_the_single_instance_pattern()
    {
        var path = _paths.Next();
        MakeStaleSocketFile(path);
        using var first = new IpcSocket { Path = path };
        var e = Assert.Throws<IpcSocketException>(first.Connect);
        Assert.Equal(IpcErrorCode.NameResolutionError, e.ErrorNumber);
        first.Listen();

        using var second = new IpcSocket { Path = path };
        second.Connect();
        Assert.True(second.IsConnected);
    }

    [Fact]
    public void AddressInUseError_105_for_a_live_listener_whose_file_stays_intact()
    {
        var path = _paths.Next();
        using var live = new IpcSocket { Path = path };
        live.Listen();
        var before = FileIdentity.Of(path);

        using var rival = new IpcSocket { Path = path };
        var e = Assert.Throws<IpcSocketException>(rival.Listen);
        Assert.Equal(IpcErrorCode.AddressInUseError, e.ErrorNumber);
        Assert.Equal($"105: a live listener answers at the path ({path})", e.Message);
        Assert.Equal(before, FileIdentity.Of(path));
        Assert.Equal(-1, rival.Handle);
        rival.Close();
        Assert.Equal(before, FileIdentity.Of(path));
    }

    [Fact]
    public void AddressInUseError_105_for_a_regular_file_which_is_never_touched()
    {
        var path = _paths.Next();
        File.WriteAllText(path, "precious");
        using var socket = new IpcSocket { Path = path };
        var e = Assert.Throws<IpcSocketException>(socket.Listen);
        Assert.Equal(IpcErrorCode.AddressInUseError, e.ErrorNumber);
        Assert.Contains("regular file", e.Message, StringComparison.Ordinal);
        socket.Close();
        Assert.Equal("precious", File.ReadAllText(path));
    }

    [Fact]
    public void AddressInUseError_105_for_a_directory_and_a_symlink_which_stay()
    {
        var directory = _paths.Next();
        Directory.CreateDirectory(directory);
        using var socket = new IpcSocket { Path = directory };
        Assert.Equal(IpcErrorCode.AddressInUseError, Assert.Throws<IpcSocketException>(socket.Listen).ErrorNumber);
        Assert.True(Directory.Exists(directory));

        var stale = _paths.Next();
        MakeStaleSocketFile(stale);
        var link = _paths.Next();
        File.CreateSymbolicLink(link, stale);
        using var viaLink = new IpcSocket { Path = link };
        var e = Assert.Throws<IpcSocketException>(viaLink.Listen);
        Assert.Equal(IpcErrorCode.AddressInUseError, e.ErrorNumber);
        Assert.Contains("symbolic link", e.Message, StringComparison.Ordinal);
        Assert.Equal(FileKind.Symlink, FileIdentity.Of(link)?.Kind);
        Assert.Equal(FileKind.Socket, FileIdentity.Of(stale)?.Kind);
    }

    [Fact]
    public async Task InvalidStateError_106_for_calls_that_do_not_fit_the_state()
    {
        var path = _paths.Next();
        using var socket = new IpcSocket { Path = path };
        Assert106(() => socket.Write("x"));
        Assert106(socket.Flush);

        socket.Listen();
        Assert106(() => socket.Write("x"));
        Assert106(socket.Listen);
        Assert106(socket.Connect);
        Assert106(() => socket.Path = _paths.Next());

        using var client = new IpcSocket { Path = path };
        var events = new EventRecorder(client);
        client.Connect();
        Assert106(client.Listen);
        Assert106(client.Connect);
        Assert106(() => client.Path = _paths.Next());
        Assert.Equal(path, client.Path);

        client.Close();
        Assert106(() => client.Write("x"));
        var e = await Assert.ThrowsAsync<IpcSocketException>(() => client.ReadAsync(new byte[1]).AsTask());
        Assert.Equal(IpcErrorCode.InvalidStateError, e.ErrorNumber);
        client.Path = _paths.Next();
        Assert.Empty(events.Errors);

        static void Assert106(Action action)
        {
            var e = Assert.Throws<IpcSocketException>(action);
            Assert.Equal(IpcErrorCode.InvalidStateError, e.ErrorNumber);
            Assert.StartsWith("106: ", e.Message, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("", "107: path is empty")]
    [InlineData("/tmp/a\0b.sock", "107: path contains a NUL character")]
    public void InvalidPortError_107_for_empty_and_NUL_paths(string path, string message)
    {
        using var socket = new IpcSocket { Path = path };
        var listen = Assert.Throws<IpcSocketException>(socket.Listen);
        Assert.Equal(IpcErrorCode.InvalidPortError, listen.ErrorNumber);
        Assert.StartsWith(message, listen.Message, StringComparison.Ordinal);
        Assert.Equal(IpcErrorCode.InvalidPortError, Assert.Throws<IpcSocketException>(socket.Connect).ErrorNumber);
        Assert.Equal(-1, socket.Handle);
    }

    [Fact]
    public void InvalidPortError_107_counts_UTF8_bytes_not_characters()
    {
        var ascii = "/tmp/" + new string('a', 99);
        Assert.Equal(104, ascii.Length);
        var twoByte = "/tmp/" + new string('é', 60);
        Assert.Equal(65, twoByte.Length);

        foreach (var (path, bytes) in new[] { (ascii, 104), (twoByte, 125) })
        {
            using var socket = new IpcSocket { Path = path };
            var e = Assert.Throws<IpcSocketException>(socket.Listen);
            Assert.Equal(IpcErrorCode.InvalidPortError, e.ErrorNumber);
            Assert.Equal($"107: path is {bytes} bytes; the limit is 103 ({path})", e.Message);
            Assert.False(File.Exists(path));
        }
    }

    [Fact]
    public void MaxPathBytes_can_be_raised_to_the_OS_limit_of_107()
    {
        var dir = Path.GetTempPath();
        var path = _paths.Track(dir + "aipc-" + Guid.NewGuid().ToString("N")[..8] + new string('x', 107 - dir.Length - 13));
        Assert.Equal(107, System.Text.Encoding.UTF8.GetByteCount(path));
        var options = new IpcSocketOptions { MaxPathBytes = 107 };
        using var server = new IpcSocket(options) { Path = path };
        server.Listen();
        using var client = new IpcSocket(options) { Path = path };
        client.Connect();
        Assert.True(client.IsConnected);

        using var tooLong = new IpcSocket(options) { Path = path + "y" };
        Assert.Equal(IpcErrorCode.InvalidPortError, Assert.Throws<IpcSocketException>(tooLong.Listen).ErrorNumber);
        Assert.Throws<ArgumentOutOfRangeException>(() => new IpcSocket(new IpcSocketOptions { MaxPathBytes = 108 }));
    }

    internal static void MakeStaleSocketFile(string path)
    {
        using var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        // UnixPathEndPoint, so .NET does not unlink on Dispose: this leaves exactly what a crashed listener leaves.
        socket.Bind(new UnixPathEndPoint(path));
        socket.Listen();
    }
}
