using AkkaIpc.Node.Tests.Harness;

namespace AkkaIpc.Node.Tests;

/// <summary>
/// The chat paces itself on write acknowledgements: a producer faster than the peer loses no line, and a write
/// that fails ends the run with exit 2 (issue 11 #2). The peer is socat running a slow consumer: it reads nothing
/// for a while, so the node's writes back up against a small send queue; what it finally reads goes to a file.
/// </summary>
public sealed class FlowControlTests
{
    [Fact]
    public void A_fast_producer_loses_no_line_against_a_slow_reader()
    {
        const int count = 200_000;
        using var path = new TempSocketPath();
        var received = path.Value + ".out";
        try
        {
            using var peer = ChildProcess.Start("socat", "UNIX-LISTEN:" + path.Value, $"SYSTEM:sleep 2; cat > {received}");
            UnixSockets.WaitUntilListening(path.Value, ChildProcess.DefaultTimeout);

            // The send queue admits 16 KiB: without pacing, the first burst fills it and later lines fail with 108.
            using var node = ChildProcess.Start("bash", "-c",
                $"seq 1 {count} | exec dotnet {NodeBinary.Path} connect {path.Value} --set socket.send-queue-limit=16KiB");
            Assert.Equal(0, node.WaitForExit(TimeSpan.FromMinutes(3)));
            Assert.Equal(0, peer.WaitForExit(TimeSpan.FromMinutes(1)));

            Assert.DoesNotContain(node.Output, line => line.StartsWith("Error", StringComparison.Ordinal));
            var lines = File.ReadAllLines(received);
            Assert.Equal(count, lines.Length);
            for (var i = 0; i < count; i++)
            {
                if (lines[i] != (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture))
                {
                    Assert.Fail($"line {i + 1} is '{lines[i]}': a gap or a duplicate");
                }
            }
        }
        finally
        {
            File.Delete(received);
        }
    }

    // Accepts one connection, waits until the node's bytes start arriving, then closes without reading them.
    private const string VanishingPeer = """
        import socket, sys
        server = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        server.bind(sys.argv[1])
        server.listen(1)
        connection, _ = server.accept()
        connection.recv(1, socket.MSG_PEEK)
        print("bytes arriving", flush=True)
        connection.close()
        server.close()
        """;

    [Fact]
    public void A_write_lost_with_the_peer_ends_the_chat_with_exit_2_naming_the_code()
    {
        using var path = new TempSocketPath();
        using var peer = ChildProcess.Start("python3", "-c", VanishingPeer, path.Value);
        UnixSockets.WaitUntilListening(path.Value, ChildProcess.DefaultTimeout);
        using var node = ChildProcess.Node("connect", path.Value);
        node.WaitForLine("Connected");

        // 1 MiB cannot fit in the kernel's buffers while the peer reads nothing, so the write is still unacknowledged
        // when the peer closes: it fails, and with it the run.
        node.WriteLine(new string('x', 1 << 20));
        node.CloseInput();
        peer.WaitForLine("bytes arriving");

        Assert.Equal(2, node.WaitForExit());
        var error = Assert.Single(node.ErrorOutput);
        Assert.Matches("^error 10[26]: ", error);
        Assert.EndsWith(path.Value, error, StringComparison.Ordinal);
    }
}
