namespace AkkaIpc.Sockets.Tests;

public sealed class LimitAndOsErrorTests : IDisposable
{
    private readonly TestPaths _paths = new();

    public void Dispose() => _paths.Dispose();

    [Fact]
    public void OutOfMemoryError_108_for_a_write_beyond_the_send_limit_queues_nothing()
    {
        using var pair = new ConnectedPair(_paths.Next(), clientOptions: new IpcSocketOptions { SendQueueLimit = 1000 });
        var e = Assert.Throws<IpcSocketException>(() => pair.Client.Write(new byte[1001]));
        Assert.Equal(IpcErrorCode.OutOfMemoryError, e.ErrorNumber);
        Assert.StartsWith("108: writing 1001 bytes would exceed the send queue limit of 1000 bytes", e.Message, StringComparison.Ordinal);
        Assert.Equal(0, pair.Client.TotalBytesQueued);
        Assert.Equal(0, pair.Client.BytesLeftToSend);
        Assert.Equal(IpcErrorCode.OutOfMemoryError, pair.Client.LastErrorCode);

        pair.Client.Write(new byte[1000]);
        pair.ServerEvents.WaitReceived(1000);
        Assert.Equal(1000, pair.ServerEvents.Received.Length);
    }

    [Fact]
    public async Task OutOfMemoryError_108_when_a_reader_that_does_not_read_fills_every_buffer_then_all_bytes_arrive()
    {
        const int limit = 256 * 1024;
        const int chunk = 32 * 1024;
        using var pair = new ConnectedPair(
            _paths.Next(),
            serverOptions: new IpcSocketOptions { ReceiveBufferLimit = 64 * 1024 },
            clientOptions: new IpcSocketOptions { SendQueueLimit = limit },
            drainServer: false);

        var data = new byte[chunk];
        IpcSocketException? full = null;
        long written = 0;
        for (var i = 0; i < 100_000 && full is null; i++)
        {
            data.AsSpan().Fill((byte)i);
            var leftBefore = pair.Client.BytesLeftToSend;
            try
            {
                pair.Client.Write(data);
                written += chunk;
            }
            catch (IpcSocketException e)
            {
                full = e;
                Assert.True(leftBefore + chunk > limit, $"108 with {leftBefore} queued");
            }
        }

        Assert.NotNull(full);
        Assert.Equal(IpcErrorCode.OutOfMemoryError, full.ErrorNumber);
        Assert.Equal(written, pair.Client.TotalBytesQueued);
        Assert.True(pair.Client.BytesLeftToSend <= limit);
        Assert.True(pair.Server.BytesAvailable <= 64 * 1024);

        // The reader catches up: every accepted byte arrives, none of the refused one.
        var received = new MemoryStream();
        pair.ServerEvents.WaitFor(
            () =>
            {
                received.Write(pair.Server.ReadAll());
                return received.Length == written;
            },
            "all written bytes");
        var bytes = received.ToArray();
        for (var i = 0; i < written / chunk; i++)
        {
            Assert.True(bytes.AsSpan(i * chunk, chunk).IndexOfAnyExcept((byte)i) < 0, $"chunk {i} corrupted");
        }

        // The reader can see the bytes before the writer has processed its send's completion.
        await pair.Client.FlushAsync().AsTask().WaitAsync(EventRecorder.Timeout);
        Assert.Equal(0, pair.Client.BytesLeftToSend);
        Assert.Equal(written, pair.Client.TotalBytesSent);
    }

    [Fact]
    public void OpenDriverError_100_on_Listen_in_a_missing_directory()
    {
        var directory = _paths.Next() + ".d";
        var path = directory + "/x.sock";
        using var socket = new IpcSocket { Path = path };
        var e = Assert.Throws<IpcSocketException>(socket.Listen);
        Assert.Equal(IpcErrorCode.OpenDriverError, e.ErrorNumber);
        Assert.Equal($"100: cannot create the socket file: the directory {directory} does not exist ({path})", e.Message);
        Assert.NotNull(e.InnerException);
        Assert.Equal(-1, socket.Handle);
    }

    [Fact]
    public void OpenDriverError_100_on_Listen_under_a_regular_file_and_103_on_Connect()
    {
        var file = _paths.Next() + ".f";
        _paths.Track(file);
        File.WriteAllText(file, "not a directory");
        var path = file + "/x.sock";
        using var socket = new IpcSocket { Path = path };
        var e = Assert.Throws<IpcSocketException>(socket.Listen);
        Assert.Equal(IpcErrorCode.OpenDriverError, e.ErrorNumber);
        Assert.Contains("a parent of the path is not a directory", e.Message, StringComparison.Ordinal);
        Assert.Equal(IpcErrorCode.NameResolutionError, Assert.Throws<IpcSocketException>(socket.Connect).ErrorNumber);
        Assert.Equal("not a directory", File.ReadAllText(file));
    }

    [Fact]
    public void OpenDriverError_100_when_the_process_may_not_write_the_directory()
    {
        // Root ignores directory permissions, so the refused process is a TestPeer running as nobody.
        var directory = _paths.Track(_paths.Next() + ".d");
        Directory.CreateDirectory(directory);
        File.SetUnixFileMode(directory, (UnixFileMode)Convert.ToInt32("755", 8));
        using var peer = PeerProcess.Start(PeerProcess.NobodyUid, "listen", directory + "/x.sock");
        Assert.Equal("Error: 100", peer.WaitLine("Error"));
        Assert.Equal(2, peer.WaitForExit());
        Assert.Empty(Directory.GetFileSystemEntries(directory));
    }

    [Fact]
    public void OpenDriverError_100_when_another_uid_may_not_connect_to_a_0600_socket()
    {
        var path = _paths.Next();
        using var server = new IpcSocket { Path = path };
        server.Listen();
        using var peer = PeerProcess.Start(PeerProcess.NobodyUid, "connect", path);
        Assert.Equal("Error: 100", peer.WaitLine("Error"));
        Assert.Equal(2, peer.WaitForExit());
        Assert.False(server.IsConnected);
    }

    [Fact]
    public void OpenDriverError_100_on_descriptor_exhaustion_then_Listen_works_once_descriptors_are_free()
    {
        var path = _paths.Next();
        using var peer = PeerProcess.Start("listen", path, "--exhaust-fds");
        peer.WaitLine("Exhausted");
        Assert.Equal("Error: 100", peer.WaitLine("Error"));
        peer.WaitLine("Released");
        peer.WaitLine("Listening");
        using var client = new IpcSocket { Path = path };
        client.Connect();
        Assert.Equal(peer.Pid, client.PeerCredentials?.Pid);
    }

    [Fact]
    public void OpenDriverError_100_on_Connect_without_descriptors_and_no_crash()
    {
        var path = _paths.Next();
        using var server = new IpcSocket { Path = path };
        var events = new EventRecorder(server);
        server.Listen();
        using var peer = PeerProcess.Start("connect", path, "--exhaust-fds");
        Assert.Equal("Error: 100", peer.WaitLine("Error"));
        peer.WaitLine("Released");
        peer.WaitLine("Connected");
        events.WaitConnected();
        Assert.Equal(peer.Pid, server.PeerCredentials?.Pid);
    }
}
