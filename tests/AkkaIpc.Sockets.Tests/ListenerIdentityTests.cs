using System.Globalization;

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
}
