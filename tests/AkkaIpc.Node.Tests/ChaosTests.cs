using AkkaIpc.Node.Tests.Harness;

namespace AkkaIpc.Node.Tests;

/// <summary>
/// Peers killed with SIGKILL in the middle of a stream, against a listener, a server and a connector (5 kills each in
/// quick mode, 100 with <c>AKKA_IPC_SUITE=full</c>): what the node printed of each peer's records before the kill has
/// no gap and no duplicate, the node keeps serving, its descriptors and RSS end where they were after the first cycle
/// (±5, ±30 MiB), and a clean stop leaves no socket file; a SIGKILLed listener's stale file is reclaimed by the next.
/// </summary>
public sealed class ChaosTests
{
    private const int RecordsPerPeer = 20_000;
    private const string DataAvailable = "DataAvailable: ";

    private const string ConnectingPeer = """
        import socket, sys, threading
        s = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        s.connect(sys.argv[1])
        def drain():
            while s.recv(65536):
                pass
        threading.Thread(target=drain, daemon=True).start()
        """;

    private const string ListeningPeer = """
        import os, socket, sys
        try:
            os.unlink(sys.argv[1])
        except FileNotFoundError:
            pass
        server = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        server.bind(sys.argv[1])
        server.listen(1)
        s, _ = server.accept()
        """;

    private static readonly int Kills = SuiteMode.Count(5, 100);

    [Fact]
    public void Listen_keeps_every_record_before_each_kill_and_keeps_listening()
    {
        using var path = new TempSocketPath();
        using var node = ChildProcess.Node("listen", path.Value);
        node.WaitForLine("Listening: " + path.Value);

        var start = default(ProcessStats);
        for (var kill = 1; kill <= Kills; kill++)
        {
            using var peer = ChildProcess.Start("python3", "-c", ConnectingPeer + "\n" + RecordStream.SendThenIdle(RecordsPerPeer), path.Value);
            node.WaitForLine("Connected");
            KillMidStream(node, peer, DataAvailable, "Error: 102", $"peer {kill}");
            node.WaitForLine("Listening: " + path.Value);
            if (kill == 1)
            {
                start = ProcessStats.Of(node.Pid);
            }
        }

        ProcessStats.AssertFlat(start, node.Pid, $"listen after {Kills} kills");
        using (var last = ChildProcess.Start("socat", "-", "UNIX-CONNECT:" + path.Value))
        {
            node.WaitForLine("Connected");
            last.WriteLine("still listening");
            node.WaitForLine(DataAvailable + "still listening");
        }

        StopCleanly(node, path.Value);
    }

    [Fact]
    public void Serve_keeps_every_record_of_each_killed_client_and_keeps_serving()
    {
        using var path = new TempSocketPath();
        using var node = ChildProcess.Node("serve", path.Value, "--echo");
        node.WaitForLine("Listening: " + path.Value);

        var start = default(ProcessStats);
        for (var kill = 1; kill <= Kills; kill++)
        {
            using var client = ChildProcess.Start("python3", "-c", ConnectingPeer + "\n" + RecordStream.SendThenIdle(RecordsPerPeer), path.Value);
            node.WaitForLine($"[client {kill}] Connected");
            KillMidStream(node, client, $"[client {kill}] {DataAvailable}", $"[client {kill}] Disconnected (102)", $"client {kill}");
            if (kill == 1)
            {
                start = ProcessStats.Of(node.Pid);
            }
        }

        ProcessStats.AssertFlat(start, node.Pid, $"serve after {Kills} kills");
        using (var last = ChildProcess.Start("socat", "-", "UNIX-CONNECT:" + path.Value))
        {
            last.WriteLine("still serving");
            last.WaitForLine("still serving");
        }

        StopCleanly(node, path.Value);
    }

    [Fact]
    public void Connect_keeps_every_record_before_each_kill_of_its_listener_and_reconnects()
    {
        using var path = new TempSocketPath();
        using var node = ChildProcess.Node("connect", path.Value, "--set", "backoff.max=200ms", "--set", "backoff.max-retries=-1");

        var start = default(ProcessStats);
        for (var kill = 1; kill <= Kills; kill++)
        {
            using var listener = ChildProcess.Start("python3", "-c", ListeningPeer + "\n" + RecordStream.SendThenIdle(RecordsPerPeer), path.Value);
            node.WaitForLine("Connected");
            KillMidStream(node, listener, DataAvailable, "Error: 102", $"listener {kill}");
            if (kill == 1)
            {
                start = ProcessStats.Of(node.Pid);
            }
        }

        ProcessStats.AssertFlat(start, node.Pid, $"connect after {Kills} kills");
        using var last = ChildProcess.Start("socat", "UNIX-LISTEN:" + path.Value + ",unlink-early", "-");
        node.WaitForLine("Connected");
        node.WriteLine("still connecting");
        last.WaitForLine("still connecting");
        node.Signal(15);
        Assert.Equal(143, node.WaitForExit());
    }

    [Fact]
    public void A_SIGKILLed_listener_leaves_a_stale_file_that_the_next_listener_reclaims()
    {
        using var path = new TempSocketPath();
        using (var first = ChildProcess.Node("listen", path.Value))
        {
            first.WaitForLine("Listening: " + path.Value);
            first.Kill();
            Assert.Equal(137, first.WaitForExit());
        }

        Assert.True(File.Exists(path.Value), "a SIGKILLed listener cannot remove its file");
        using var second = ChildProcess.Node("listen", path.Value);
        second.WaitForLine("Listening: " + path.Value);
        using var peer = ChildProcess.Start("socat", "-", "UNIX-CONNECT:" + path.Value);
        second.WaitForLine("Connected");
        peer.WriteLine("reclaimed");
        second.WaitForLine(DataAvailable + "reclaimed");
        StopCleanly(second, path.Value);
    }

    // The peer reads nothing: it waits until the node's bytes start arriving, says so, and idles until it is killed.
    private const string StalledReader = """
        import signal, socket, sys
        s = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        if sys.argv[2] == "listen":
            s.bind(sys.argv[1])
            s.listen(1)
            s, _ = s.accept()
        else:
            s.connect(sys.argv[1])
        s.recv(1, socket.MSG_PEEK)
        print("bytes arriving", flush=True)
        signal.pause()
        """;

    [Theory]
    [InlineData("connect")]
    [InlineData("listen")]
    public void A_chat_line_in_flight_when_its_peer_is_SIGKILLed_is_answered_with_exit_2_naming_the_code(string role)
    {
        using var path = new TempSocketPath();
        using var peer = role == "connect" ? ChildProcess.Start("python3", "-c", StalledReader, path.Value, "listen") : null;
        if (peer is not null)
        {
            UnixSockets.WaitUntilListening(path.Value, ChildProcess.DefaultTimeout);
        }

        using var node = ChildProcess.Node(role, path.Value);
        if (peer is null)
        {
            node.WaitForLine("Listening: " + path.Value);
        }

        using var connector = peer ?? ChildProcess.Start("python3", "-c", StalledReader, path.Value, "connect");
        node.WaitForLine("Connected");

        // 1 MiB cannot fit in the kernel's buffers while the peer reads nothing: the line is still unacknowledged
        // when the peer dies, and the run must say so (never exit 0, never wait forever).
        node.WriteLine(new string('x', 1 << 20));
        connector.WaitForLine("bytes arriving");
        connector.Kill();
        Assert.Equal(137, connector.WaitForExit());

        Assert.Equal(2, node.WaitForExit());
        var error = Assert.Single(node.ErrorOutput);
        Assert.Matches("^error 10[26]: a chat line was not delivered", error);
        Assert.EndsWith(path.Value, error, StringComparison.Ordinal);
        Assert.Contains(node.Output, line => line.StartsWith("Error: 10", StringComparison.Ordinal));
    }

    /// <summary>
    /// Waits until the node printed some of the peer's records, kills the peer with SIGKILL, reads on until the node
    /// reports the loss, and checks the records printed for this peer.
    /// </summary>
    private static void KillMidStream(ChildProcess node, ChildProcess peer, string dataPrefix, string lossLine, string what)
    {
        var payloads = new List<string>();
        bool Collect(string line)
        {
            if (line.StartsWith(dataPrefix, StringComparison.Ordinal))
            {
                payloads.Add(line[dataPrefix.Length..]);
                return true;
            }

            return false;
        }

        node.WaitForLine(Collect, $"{what}'s first records");
        peer.Kill();
        Assert.Equal(137, peer.WaitForExit());
        node.WaitForLine(line => !Collect(line) && line == lossLine, $"'{lossLine}' after {what} was killed");
        RecordStream.AssertInOrder(payloads, what);
    }

    private static void StopCleanly(ChildProcess node, string path)
    {
        node.Signal(15);
        Assert.Equal(143, node.WaitForExit());
        Assert.False(File.Exists(path), "a clean stop left the socket file");
    }
}
