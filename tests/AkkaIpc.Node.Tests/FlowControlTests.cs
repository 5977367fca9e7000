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

    // Starts `akka-ipc listen` under a GC heap limit of HEAP bytes (its standard error is the script's, so a failure shows it), with its standard output on a pipe this script reads
    // slowly (64 KiB, then a 2 ms pause), sends it TOTAL bytes of text from a peer connection, and prints the node's
    // resident set before the peer started and its peak (VmHWM) once the peer has sent everything and all of it was
    // read back from the node's output.
    private const string SlowStdout = """
        import os, signal, socket, subprocess, sys, threading, time
        dotnet, dll, path, total, heap = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4]), sys.argv[5]
        node = subprocess.Popen([dotnet, dll, "listen", path], stdout=subprocess.PIPE,
                                env=dict(os.environ, DOTNET_GCHeapHardLimit=heap))
        def kib(field):
            for line in open("/proc/%d/status" % node.pid):
                if line.startswith(field + ":"):
                    return int(line.split()[1])
        seen = b""
        while b"Listening: " not in seen:
            chunk = node.stdout.read1(4096)
            if not chunk:
                sys.exit("the node ended before listening")
            seen += chunk
        baseline = kib("VmRSS")
        sent = threading.Event()
        def send():
            s = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
            s.connect(path)
            line = b"x" * 1023 + b"\n"
            block = line * 64
            for _ in range(total // len(block)):
                s.sendall(block)
            sent.set()
            s.close()
        threading.Thread(target=send, daemon=True).start()
        read = 0
        while not (sent.is_set() and read >= total):
            chunk = node.stdout.read1(65536)
            if not chunk:
                sys.exit("the node ended early")
            read += len(chunk)
            time.sleep(0.002)
        print("baseline %d KiB, peak %d KiB" % (baseline, kib("VmHWM")), flush=True)
        node.send_signal(signal.SIGTERM)
        node.stdout.read()
        node.wait()
        """;

    [Fact]
    public void Listen_with_a_slow_stdout_slows_its_peer_instead_of_growing()
    {
        // Issue 11 #10, end to end: the library's receive window bounds what is out with the node's subscriber, and the
        // node must not take it off the socket faster than its standard output takes it. Under a 96 MiB GC heap a node
        // that kept what it could not print yet runs out of memory long before 192 MiB; and it has to deliver every byte,
        // including those still waiting in it when the peer closes. Its resident set may grow by the heap it is allowed
        // and some native memory, never by the stream (before the fix: 539 MiB).
        const int total = 192 << 20;
        const string heap = "0x6000000";
        using var path = new TempSocketPath();
        using var run = ChildProcess.Start("python3", "-c", SlowStdout, "dotnet", NodeBinary.Path, path.Value, total.ToString(System.Globalization.CultureInfo.InvariantCulture), heap);
        var line = run.WaitForLine(l => l.StartsWith("baseline ", StringComparison.Ordinal), "the node's memory figures", TimeSpan.FromMinutes(5));
        Assert.Equal(0, run.WaitForExit());

        var figures = line.Split(' ');
        var growthMiB = (long.Parse(figures[4], System.Globalization.CultureInfo.InvariantCulture) - long.Parse(figures[1], System.Globalization.CultureInfo.InvariantCulture)) / 1024;
        Assert.True(growthMiB < 128, $"{line}: the node grew by {growthMiB} MiB while its peer sent {total >> 20} MiB to a slow standard output");
    }
}
