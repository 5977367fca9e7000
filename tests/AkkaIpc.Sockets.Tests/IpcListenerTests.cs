using AkkaIpc.Sockets.Internal;

namespace AkkaIpc.Sockets.Tests;

public sealed class IpcListenerTests : IDisposable
{
    private readonly TestPaths _paths = new();

    public void Dispose() => _paths.Dispose();

    [Fact]
    public async Task Many_peers_connect_on_one_path_and_each_gets_its_own_socket()
    {
        var path = _paths.Next();
        await using var listener = new IpcListener(path);
        listener.Start();
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));

        var clients = new List<IpcSocket>();
        var accepted = new List<(IpcSocket Socket, EventRecorder Events)>();
        try
        {
            for (var i = 0; i < 3; i++)
            {
                var client = new IpcSocket { Path = path };
                clients.Add(client);
                client.Connect();
                var socket = await listener.AcceptAsync().AsTask().WaitAsync(EventRecorder.Timeout);
                Assert.True(socket.IsConnected);
                Assert.Equal(Environment.ProcessId, socket.PeerCredentials?.Pid);
                accepted.Add((socket, new EventRecorder(socket)));
                socket.StartEvents();
            }

            for (var i = 0; i < 3; i++)
            {
                clients[i].Write($"client {i}");
                accepted[i].Events.WaitText($"client {i}");
                Assert.Equal($"client {i}", accepted[i].Events.ReceivedText);
                Assert.Equal("Connected", accepted[i].Events.Events[0]);
            }
        }
        finally
        {
            accepted.ForEach(a => a.Socket.Dispose());
            clients.ForEach(c => c.Dispose());
        }
    }

    [Fact]
    public async Task An_accepted_socket_is_silent_until_StartEvents()
    {
        var path = _paths.Next();
        using var listener = new IpcListener(path);
        listener.Start();
        using var client = new IpcSocket { Path = path };
        var clientEvents = new EventRecorder(client);
        client.Connect();
        using var socket = await listener.AcceptAsync().AsTask().WaitAsync(EventRecorder.Timeout);
        var events = new EventRecorder(socket);
        client.Write("early bytes");
        await client.FlushAsync().AsTask().WaitAsync(EventRecorder.Timeout);

        // The bytes are in the kernel, but the accepted socket does not read before StartEvents.
        Assert.Equal(0, socket.BytesAvailable);
        Assert.Empty(events.Events);

        socket.StartEvents();
        events.WaitText("early bytes");
        Assert.Equal(["Connected", "DataAvailable"], events.Events);
        socket.StartEvents();

        socket.Close();
        Assert.Equal(IpcErrorCode.LostConnection, clientEvents.WaitError().ErrorNumber);
        Assert.True(File.Exists(path), "closing an accepted socket leaves the listener's file alone");
    }

    [Fact]
    public async Task Stop_removes_the_file_and_fails_pending_and_later_accepts_with_106()
    {
        var path = _paths.Next();
        var listener = new IpcListener(path);
        listener.Start();
        var pending = listener.AcceptAsync().AsTask();
        listener.Stop();

        var e = await Assert.ThrowsAsync<IpcSocketException>(() => pending.WaitAsync(EventRecorder.Timeout));
        Assert.Equal(IpcErrorCode.InvalidStateError, e.ErrorNumber);
        Assert.False(File.Exists(path));
        listener.Stop();
        var later = await Assert.ThrowsAsync<IpcSocketException>(() => listener.AcceptAsync().AsTask());
        Assert.Equal(IpcErrorCode.InvalidStateError, later.ErrorNumber);
        Assert.Equal(IpcErrorCode.InvalidStateError, Assert.Throws<IpcSocketException>(listener.Start).ErrorNumber);
    }

    [Fact]
    public void The_same_file_rules_as_Listen_apply()
    {
        var path = _paths.Next();
        using var first = new IpcListener(path);
        first.Start();
        var identity = FileIdentity.Of(path);
        using var rival = new IpcListener(path);
        Assert.Equal(IpcErrorCode.AddressInUseError, Assert.Throws<IpcSocketException>(rival.Start).ErrorNumber);
        using var single = new IpcSocket { Path = path };
        Assert.Equal(IpcErrorCode.AddressInUseError, Assert.Throws<IpcSocketException>(single.Listen).ErrorNumber);
        Assert.Equal(identity, FileIdentity.Of(path));

        var file = _paths.Next();
        File.WriteAllText(file, "keep");
        using var onFile = new IpcListener(file);
        Assert.Equal(IpcErrorCode.AddressInUseError, Assert.Throws<IpcSocketException>(onFile.Start).ErrorNumber);
        Assert.Equal("keep", File.ReadAllText(file));

        var stale = _paths.Next();
        ErrorCodeTests.MakeStaleSocketFile(stale);
        using var reclaimer = new IpcListener(stale);
        reclaimer.Start();

        using var tooLong = new IpcListener("/tmp/" + new string('é', 60));
        Assert.Equal(IpcErrorCode.InvalidPortError, Assert.Throws<IpcSocketException>(tooLong.Start).ErrorNumber);
    }

    [Fact]
    public async Task A_peer_of_another_uid_is_reported_and_skipped()
    {
        var path = _paths.Next();
        var options = new IpcSocketOptions { SocketFileMode = (UnixFileMode)Convert.ToInt32("666", 8) };
        using var listener = new IpcListener(path, options);
        var rejected = new TaskCompletionSource<PeerCredentials>(TaskCreationOptions.RunContinuationsAsynchronously);
        listener.PeerRejected += (_, e) => rejected.TrySetResult(e.Credentials);
        listener.Start();
        var accepting = listener.AcceptAsync().AsTask();

        using var stranger = PeerProcess.Start(PeerProcess.NobodyUid, "connect", path);
        var credentials = await rejected.Task.WaitAsync(EventRecorder.Timeout);
        Assert.Equal(PeerProcess.NobodyUid, credentials.Uid);
        Assert.Equal(stranger.Pid, credentials.Pid);
        Assert.False(accepting.IsCompleted);
        Assert.Equal("Error: 102", stranger.WaitLine("Error"));

        using var friend = new IpcSocket { Path = path };
        friend.Connect();
        using var socket = await accepting.WaitAsync(EventRecorder.Timeout);
        Assert.Equal(Environment.ProcessId, socket.PeerCredentials?.Pid);
    }
}
