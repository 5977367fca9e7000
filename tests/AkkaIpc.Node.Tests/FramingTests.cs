using AkkaIpc.Node.Tests.Harness;

namespace AkkaIpc.Node.Tests;

/// <summary>--framing length-prefixed: whole messages, 4-byte big-endian length on the wire.</summary>
public sealed class FramingTests
{
    private const string FramedPythonPeer = """
        import socket, struct, sys
        s = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        s.settimeout(30)
        s.connect(sys.argv[1])
        payload = "framed hello from python".encode()
        s.sendall(struct.pack(">I", len(payload)) + payload)
        def exactly(n):
            data = b""
            while len(data) < n:
                chunk = s.recv(n - len(data))
                if not chunk:
                    raise SystemExit("connection ended early")
                data += chunk
            return data
        (length,) = struct.unpack(">I", exactly(4))
        print("python got frame of %d bytes: %s" % (length, exactly(length).decode()), flush=True)
        s.close()
        """;

    [Fact]
    public void Two_framed_nodes_chat()
    {
        using var path = new TempSocketPath();
        using var listener = ChildProcess.Node("listen", path.Value, "--framing", "length-prefixed");
        using var connector = ChildProcess.Node("connect", path.Value, "--config", RepoFiles.Path("hocon/node-framed.conf"));
        listener.WaitForLine("Connected");
        connector.WaitForLine("Connected");

        connector.WriteLine("a whole message");
        listener.WaitForLine("DataAvailable: a whole message");
        listener.WriteLine("and one back");
        connector.WaitForLine("DataAvailable: and one back");
    }

    [Fact]
    public void Send_delivers_one_frame_to_a_framed_listener()
    {
        using var path = new TempSocketPath();
        using var listener = ChildProcess.Node("listen", path.Value, "--framing", "length-prefixed");
        listener.WaitForLine("Listening: " + path.Value);

        using var send = ChildProcess.Node("send", path.Value, "one frame, two\nlines", "--framing", "length-prefixed");

        Assert.Equal(0, send.WaitForExit());
        // One frame arrives whole; the node prints each of its lines as a DataAvailable line.
        listener.WaitForLine("DataAvailable: one frame, two");
        listener.WaitForLine("DataAvailable: lines");
    }

    [Fact]
    public void A_framed_listener_speaks_packet_4_with_a_python_peer()
    {
        using var path = new TempSocketPath();
        using var listener = ChildProcess.Node("listen", path.Value, "--framing", "length-prefixed");
        listener.WaitForLine("Listening: " + path.Value);

        using var python = ChildProcess.Start("python3", "-c", FramedPythonPeer, path.Value);
        listener.WaitForLine("DataAvailable: framed hello from python");
        listener.WriteLine("framed reply");

        // No line break in a frame: the chat line is the whole message.
        python.WaitForLine("python got frame of 12 bytes: framed reply");
        Assert.Equal(0, python.WaitForExit());
    }
}
