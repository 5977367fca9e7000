using AkkaIpc.Node.Tests.Harness;

namespace AkkaIpc.Node.Tests;

/// <summary>
/// A peer of a uid the node does not admit is refused, and the node says so: one line with the peer's pid and uid
/// (issue 11 #17). The socket file is opened to everyone (mode 0666) so that only the uid check stands in the way;
/// the stranger is socat run as uid 65534 with setpriv, which needs root (CI runs as root).
/// </summary>
public sealed class PeerRejectionTests
{
    private const int Nobody = 65534;

    [Theory]
    [InlineData("listen", "Connected")]
    [InlineData("serve", "[client 1] Connected")]
    public void A_refused_peer_is_a_line_with_its_pid_and_uid_and_the_node_keeps_listening(string command, string connected)
    {
        Assert.True(Environment.IsPrivilegedProcess, "the cross-uid test runs as root (CI does) to start a peer as uid 65534");
        using var path = new TempSocketPath();
        using var node = ChildProcess.Node(command, path.Value, "--set", "socket.file-mode=\"0666\"");
        node.WaitForLine("Listening: " + path.Value);

        ChildProcess.RequireInstalled("socat");   // setpriv execs it
        using (var stranger = ChildProcess.Start("setpriv", $"--reuid={Nobody}", $"--regid={Nobody}", "--clear-groups", "socat", "-", "UNIX-CONNECT:" + path.Value))
        {
            // setpriv execs socat in place, so the connecting process has the pid we started.
            node.WaitForLine($"PeerRejected: pid {stranger.Pid}, uid {Nobody}, gid {Nobody}");
            stranger.WaitForExit();
        }

        using var friend = ChildProcess.Start("socat", "-", "UNIX-CONNECT:" + path.Value);
        node.WaitForLine(connected);
        friend.WriteLine("admitted");
        node.WaitForLine(line => line.EndsWith("DataAvailable: admitted", StringComparison.Ordinal), "the admitted peer's line");
        // The stranger never became the connection: the one Connected is the friend's.
        Assert.Single(node.Output, line => line.EndsWith("Connected", StringComparison.Ordinal));
    }
}
