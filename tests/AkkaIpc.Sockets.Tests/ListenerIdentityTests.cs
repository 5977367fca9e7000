using AkkaIpc.Sockets.Internal;

namespace AkkaIpc.Sockets.Tests;

/// <summary>Listeners are identified by the socket file's identity, never by connecting to them (issue 11 #3, #15).</summary>
public sealed class ListenerIdentityTests : IDisposable
{
    private readonly TestPaths _paths = new();

    public void Dispose() => _paths.Dispose();

    [Fact]
    public void Listen_through_a_symlinked_directory_refuses_a_live_listener_without_stealing_its_one_peer()
    {
        // The listener binds /tmp/aipc-dir-…/s.sock; this process looks at it through a symlink to the directory
        // (as /var/run vs /run), so the bound path in /proc/net/unix is not the path asked for.
        var directory = _paths.Track(Path.Combine(Path.GetTempPath(), "aipc-dir-" + Guid.NewGuid().ToString("N")[..8]));
        Directory.CreateDirectory(directory);
        var alias = _paths.Track(directory + "-link");
        File.CreateSymbolicLink(alias, directory);
        var real = Path.Combine(directory, "s.sock");
        using var listener = PeerProcess.Start("listen", real);
        listener.WaitLine("Listening");

        using var second = new IpcSocket { Path = Path.Combine(alias, "s.sock") };
        var refused = Assert.Throws<IpcSocketException>(second.Listen);
        Assert.Equal(IpcErrorCode.AddressInUseError, refused.ErrorNumber);

        // The listener's one peer is the real one that comes next, not a probe from the refused Listen.
        using var peer = PeerProcess.Start("connect", real);
        var connected = listener.WaitLine("Connected ");
        Assert.Equal($"Connected pid={peer.Pid}", connected.Split(' ')[0] + " " + connected.Split(' ')[1]);
        Assert.True(File.Exists(real));
    }

    [Fact]
    public async Task Two_listeners_reclaiming_the_same_stale_file_at_once_end_with_one_live_listener_and_its_file()
    {
        var path = _paths.Next();
        for (var round = 0; round < 200; round++)
        {
            ErrorCodeTests.MakeStaleSocketFile(path);

            // A process forked meanwhile by another test holds the closed listener until it execs (CLOEXEC), and then
            // the file is rightly live: start once the kernel no longer lists a listener bound to it.
            var stale = FileIdentity.Of(path)!.Value;
            var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(20);
            while (ListeningSockets.IsListening(path, stale) != false)
            {
                Assert.True(DateTime.UtcNow < deadline, "the closed listener stayed in /proc/net/unix");
                Thread.Yield();
            }

            using var first = new IpcListener(path);
            using var second = new IpcListener(path);
            using var start = new Barrier(2);
            var outcomes = new[] { first, second }
                .Select(listener => Task.Run(() =>
                {
                    start.SignalAndWait();
                    try
                    {
                        listener.Start();
                        return IpcErrorCode.None;
                    }
                    catch (IpcSocketException e)
                    {
                        return e.ErrorNumber;
                    }
                }))
                .ToArray();
            var codes = (await Task.WhenAll(outcomes)).OrderBy(c => c).ToArray();

            // Exactly one wins, the other is refused as by a live listener, and the winner's file is still there:
            // neither deleted the other's fresh file (whose inode number may be the stale one's, reused).
            Assert.Equal(new[] { IpcErrorCode.None, IpcErrorCode.AddressInUseError }, codes);
            Assert.Equal(FileKind.Socket, FileIdentity.Of(path)?.Kind);
            using var client = new IpcSocket { Path = path };
            client.Connect();
        }
    }

    [Fact]
    public void Setting_the_socket_files_mode_never_follows_a_symlink_swapped_in_after_bind()
    {
        // An attacker with write access to a directory without the sticky bit replaces the fresh socket file with a
        // symlink to a file of the listener's user between bind and chmod.
        var target = _paths.Track(_paths.Next() + ".target");
        File.WriteAllText(target, "secret");
        var readable = (UnixFileMode)Convert.ToInt32("644", 8);
        File.SetUnixFileMode(target, readable);
        var path = _paths.Next();
        File.CreateSymbolicLink(path, target);

        var e = Assert.Throws<IpcSocketException>(() => SocketFile.SetMode(path, (UnixFileMode)Convert.ToInt32("666", 8)));

        Assert.Equal(IpcErrorCode.OpenDriverError, e.ErrorNumber);
        Assert.Equal(readable, File.GetUnixFileMode(target));
    }
}
