using System.Text;

namespace AkkaIpc.Sockets.Tests;

public sealed class IpcSocketMemberTests : IDisposable
{
    private readonly TestPaths _paths = new();

    public void Dispose() => _paths.Dispose();

    [Fact]
    public void Listen_and_Connect_exchange_bytes_both_ways_and_Close_gives_the_peer_102()
    {
        var path = _paths.Next();
        using var pair = new ConnectedPair(path);
        Assert.True(pair.Server.IsConnected);
        Assert.True(pair.Client.IsConnected);

        pair.Client.Write("hello");
        pair.Client.Flush();
        pair.ServerEvents.WaitText("hello");
        pair.Server.Write(Encoding.UTF8.GetBytes("world"));
        pair.ClientEvents.WaitText("world");

        pair.Client.Close();
        var error = pair.ServerEvents.WaitError();
        Assert.Equal(IpcErrorCode.LostConnection, error.ErrorNumber);
        Assert.StartsWith("102: ", error.Message, StringComparison.Ordinal);
        Assert.EndsWith($"({path})", error.Message, StringComparison.Ordinal);
        Assert.False(pair.Server.IsConnected);
        Assert.Equal(IpcErrorCode.LostConnection, pair.Server.LastErrorCode);
        Assert.False(File.Exists(path));
        Assert.Empty(pair.ClientEvents.Errors);
        Assert.Equal(["Connected", "DataAvailable", "Error 102"], pair.ServerEvents.Events);
    }

    [Fact]
    public void Read_returns_at_most_count_bytes_and_fewer_when_fewer_are_buffered()
    {
        using var pair = new ConnectedPair(_paths.Next(), drainServer: false);
        pair.Client.Write("0123456789");
        pair.ServerEvents.WaitFor(() => pair.Server.BytesAvailable == 10, "10 bytes buffered");

        Assert.Equal("0123"u8.ToArray(), pair.Server.Read(4));
        Assert.Equal(6, pair.Server.BytesAvailable);
        Assert.Equal("45", pair.Server.Read(2, Encoding.UTF8));
        Assert.Equal("6789"u8.ToArray(), pair.Server.Read(100));
        Assert.Empty(pair.Server.Read(5));
        Assert.Equal(0, pair.Server.BytesAvailable);
    }

    [Fact]
    public void Lookahead_does_not_remove_bytes_and_EndOfFile_tracks_the_buffer()
    {
        using var pair = new ConnectedPair(_paths.Next(), drainServer: false);
        Assert.True(pair.Server.EndOfFile);
        Assert.True(pair.Server.EOF);

        pair.Client.Write("peek: é");
        var length = Encoding.UTF8.GetByteCount("peek: é");
        pair.ServerEvents.WaitFor(() => pair.Server.BytesAvailable == length, "bytes buffered");

        Assert.False(pair.Server.EndOfFile);
        Assert.False(pair.Server.EOF);
        Assert.Equal("peek: é", pair.Server.Lookahead(Encoding.UTF8));
        Assert.Equal(Encoding.UTF8.GetBytes("peek: é"), pair.Server.Lookahead());
        Assert.Equal(length, pair.Server.BytesAvailable);
        Assert.Equal("peek: é", pair.Server.ReadAll(Encoding.UTF8));
        Assert.True(pair.Server.EndOfFile);
        Assert.Empty(pair.Server.ReadAll());
    }

    [Fact]
    public void Read_into_a_span_copies_what_fits()
    {
        using var pair = new ConnectedPair(_paths.Next(), drainServer: false);
        pair.Client.Write([1, 2, 3, 4, 5]);
        pair.ServerEvents.WaitFor(() => pair.Server.BytesAvailable == 5, "5 bytes buffered");

        Span<byte> three = stackalloc byte[3];
        Assert.Equal(3, pair.Server.Read(three));
        Assert.Equal([1, 2, 3], three.ToArray());
        Span<byte> eight = stackalloc byte[8];
        Assert.Equal(2, pair.Server.Read(eight));
        Assert.Equal([4, 5], eight[..2].ToArray());
        Assert.Equal(0, pair.Server.Read(eight));
    }

    [Fact]
    public void Write_with_an_encoding_sends_that_encoding()
    {
        using var pair = new ConnectedPair(_paths.Next(), drainServer: false);
        pair.Client.Write("añb", Encoding.Latin1);
        pair.ServerEvents.WaitFor(() => pair.Server.BytesAvailable == 3, "3 bytes buffered");
        Assert.Equal(new byte[] { (byte)'a', 0xF1, (byte)'b' }, pair.Server.ReadAll());
    }

    [Fact]
    public void Handle_and_IsConnected_follow_the_state()
    {
        var path = _paths.Next();
        using var server = new IpcSocket { Path = path };
        using var client = new IpcSocket { Path = path };
        var serverEvents = new EventRecorder(server);
        Assert.Equal(-1, server.Handle);
        Assert.False(server.IsConnected);

        server.Listen();
        Assert.True(server.Handle >= 0);
        Assert.False(server.IsConnected);

        client.Connect();
        serverEvents.WaitConnected();
        Assert.True(client.IsConnected);
        Assert.True(client.Handle >= 0);
        Assert.True(server.IsConnected);
        Assert.True(server.Handle >= 0);

        client.Close();
        Assert.Equal(-1, client.Handle);
        Assert.False(client.IsConnected);
        serverEvents.WaitError();
        Assert.Equal(-1, server.Handle);
        Assert.False(server.IsConnected);
    }

    [Fact]
    public void Events_run_on_thread_pool_threads_one_at_a_time()
    {
        using var pair = new ConnectedPair(_paths.Next());
        var onPool = true;
        pair.Server.DataAvailable += (_, _) => onPool &= Thread.CurrentThread.IsThreadPoolThread;
        for (var i = 0; i < 200; i++)
        {
            pair.Client.Write($"message {i};");
        }

        pair.ServerEvents.WaitText("message 199;");
        pair.Client.Close();
        pair.ServerEvents.WaitError();
        Assert.True(onPool);
        Assert.False(pair.ServerEvents.SawConcurrentHandlers);
        Assert.Equal("Connected", pair.ServerEvents.Events[0]);
        Assert.Equal("Error 102", pair.ServerEvents.Events[^1]);
    }

    [Fact]
    public void Counters_and_SendProgress_report_bytes_in_the_kernel()
    {
        using var pair = new ConnectedPair(_paths.Next());
        var progress = new List<(long Sent, int Left)>();
        pair.Client.SendProgress += (_, e) =>
        {
            lock (progress)
            {
                progress.Add((e.TotalBytesSent, e.BytesLeftToSend));
                Monitor.PulseAll(progress);
            }
        };

        pair.Client.Write(new byte[1000]);
        pair.Client.Write(new byte[500]);
        Assert.Equal(1500, pair.Client.TotalBytesQueued);
        pair.ServerEvents.WaitReceived(1500);
        lock (progress)
        {
            var deadline = DateTime.UtcNow + EventRecorder.Timeout;
            while (!progress.Any(p => p.Sent == 1500) && DateTime.UtcNow < deadline)
            {
                Monitor.Wait(progress, deadline - DateTime.UtcNow);
            }

            Assert.Contains((1500L, 0), progress);
        }

        Assert.Equal(1500, pair.Client.TotalBytesSent);
        Assert.Equal(0, pair.Client.BytesLeftToSend);
    }

    [Fact]
    public void A_second_peer_while_connected_is_closed_at_once_and_the_path_stays_live()
    {
        var path = _paths.Next();
        using var pair = new ConnectedPair(path);
        using var second = new IpcSocket { Path = path };
        var secondEvents = new EventRecorder(second);
        second.Connect();
        Assert.Equal(IpcErrorCode.LostConnection, secondEvents.WaitError().ErrorNumber);

        using var rival = new IpcSocket { Path = path };
        var e = Assert.Throws<IpcSocketException>(rival.Listen);
        Assert.Equal(IpcErrorCode.AddressInUseError, e.ErrorNumber);

        pair.Client.Write("still here");
        pair.ServerEvents.WaitText("still here");
        Assert.True(File.Exists(path));
    }

    [Fact]
    public async Task A_socket_can_listen_again_from_its_Error_handler()
    {
        var path = _paths.Next();
        using var server = new IpcSocket { Path = path };
        var serverEvents = new EventRecorder(server);
        var relistened = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        server.Error += (_, _) =>
        {
            try
            {
                server.Listen();
                relistened.TrySetResult();
            }
            catch (Exception e) when (e is IpcSocketException or ObjectDisposedException)
            {
                // ObjectDisposedException: at the test's end the last Error may race the server's own disposal.
                relistened.TrySetException(e);
            }
        };
        server.Listen();
        using (var first = new IpcSocket { Path = path })
        {
            first.Connect();
            serverEvents.WaitConnected();
        }

        await relistened.Task.WaitAsync(EventRecorder.Timeout);
        using var second = new IpcSocket { Path = path };
        var secondEvents = new EventRecorder(second);
        second.Connect();
        secondEvents.WaitConnected();
        serverEvents.WaitFor(() => serverEvents.Events.Count(e => e == "Connected") == 2, "second Connected");
    }

    [Fact]
    public async Task A_burst_of_small_writes_is_coalesced_into_fewer_sends_and_arrives_in_order()
    {
        using var pair = new ConnectedPair(_paths.Next());
        var expected = new StringBuilder();
        for (var i = 0; i < 2000; i++)
        {
            var message = $"{i},";
            expected.Append(message);
            pair.Client.Write(message);
        }

        pair.ServerEvents.WaitText("1999,");
        Assert.Equal(expected.ToString(), pair.ServerEvents.ReceivedText);
        Assert.True(pair.Client.SendOperations < 2000, $"{pair.Client.SendOperations} sends for 2000 writes");

        // The peer can see the bytes before the sender has processed its send's completion.
        await pair.Client.FlushAsync().AsTask().WaitAsync(EventRecorder.Timeout);
        Assert.Equal(pair.Client.TotalBytesQueued, pair.Client.TotalBytesSent);
    }

    [Fact]
    public void A_lone_write_reaches_the_peer_without_Flush()
    {
        using var pair = new ConnectedPair(_paths.Next());
        for (var i = 0; i < 20; i++)
        {
            pair.Client.Write($"ping {i};");
            pair.ServerEvents.WaitText($"ping {i};");
        }

        Assert.Equal(0, pair.Client.BytesLeftToSend);
    }
}
