using AkkaIpc.Node.Tests.Harness;

namespace AkkaIpc.Node.Tests;

/// <summary>The node against ordinary Unix-socket tools on the other end.</summary>
public sealed class InteropTests
{
    private const string PythonPeer = """
        import socket, sys
        s = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        s.settimeout(30)
        s.connect(sys.argv[1])
        s.sendall(b"hello from python\n")
        data = b""
        while not data.endswith(b"\n"):
            chunk = s.recv(4096)
            if not chunk:
                break
            data += chunk
        print("python got: " + data.decode().strip(), flush=True)
        s.close()
        """;

    // Accepts two connections one after the other and prints the exact bytes of each (read to EOF).
    private const string PythonReceiver = """
        import os, socket, sys
        server = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        server.bind(sys.argv[1])
        server.listen(1)
        server.settimeout(60)
        for _ in range(2):
            connection, _ = server.accept()
            data = b""
            while True:
                chunk = connection.recv(4096)
                if not chunk:
                    break
                data += chunk
            print("received " + repr(data), flush=True)
            connection.close()
        server.close()
        os.unlink(sys.argv[1])
        """;

    [Fact]
    public void A_socat_peer_chats_with_listen()
    {
        using var path = new TempSocketPath();
        using var listener = ChildProcess.Node("listen", path.Value);
        listener.WaitForLine("Listening: " + path.Value);

        using var socat = ChildProcess.Start("socat", "-", "UNIX-CONNECT:" + path.Value);
        listener.WaitForLine("Connected");
        socat.WriteLine("hello from socat");
        listener.WaitForLine("DataAvailable: hello from socat");
        listener.WriteLine("hello socat");
        socat.WaitForLine("hello socat");

        socat.CloseInput();
        Assert.Equal(0, socat.WaitForExit());
        listener.WaitForLine("Error: 102");
    }

    [Fact]
    public void A_python_peer_chats_with_listen()
    {
        using var path = new TempSocketPath();
        using var listener = ChildProcess.Node("listen", path.Value);
        listener.WaitForLine("Listening: " + path.Value);

        using var python = ChildProcess.Start("python3", "-c", PythonPeer, path.Value);
        listener.WaitForLine("Connected");
        listener.WaitForLine("DataAvailable: hello from python");
        listener.WriteLine("hello python");
        python.WaitForLine("python got: hello python");
        Assert.Equal(0, python.WaitForExit());
        listener.WaitForLine("Error: 102");
    }

    [Fact]
    public void Send_writes_exactly_its_text_with_or_without_a_line_break()
    {
        using var path = new TempSocketPath();
        using var python = ChildProcess.Start("python3", "-c", PythonReceiver, path.Value);
        UnixSockets.WaitUntilListening(path.Value, ChildProcess.DefaultTimeout);

        using (var withBreak = ChildProcess.Node("send", path.Value, "first"))
        {
            Assert.Equal(0, withBreak.WaitForExit());
        }

        python.WaitForLine("received b'first\\n'");
        using (var without = ChildProcess.Node("send", path.Value, "second", "-n"))
        {
            Assert.Equal(0, without.WaitForExit());
        }

        python.WaitForLine("received b'second'");
        Assert.Equal(0, python.WaitForExit());
    }

    [Fact]
    public void Connect_talks_to_a_socat_listener()
    {
        using var path = new TempSocketPath();
        using var socat = ChildProcess.Start("socat", "UNIX-LISTEN:" + path.Value, "-");
        UnixSockets.WaitUntilListening(path.Value, ChildProcess.DefaultTimeout);

        using var connector = ChildProcess.Node("connect", path.Value);
        connector.WaitForLine("Connected");
        connector.WriteLine("hello socat listener");
        socat.WaitForLine("hello socat listener");
        socat.WriteLine("hello akka-ipc");
        connector.WaitForLine("DataAvailable: hello akka-ipc");
        connector.CloseInput();
        Assert.Equal(0, connector.WaitForExit());
    }
}
