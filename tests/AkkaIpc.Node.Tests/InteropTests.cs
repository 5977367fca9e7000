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

    [Fact]
    public void A_socat_peer_chats_with_listen()
    {
        using var path = new TempSocketPath();
        using var listener = ChildProcess.Node("listen", path.Value);
        UnixSockets.WaitUntilListening(path.Value, ChildProcess.DefaultTimeout);

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
        UnixSockets.WaitUntilListening(path.Value, ChildProcess.DefaultTimeout);

        using var python = ChildProcess.Start("python3", "-c", PythonPeer, path.Value);
        listener.WaitForLine("Connected");
        listener.WaitForLine("DataAvailable: hello from python");
        listener.WriteLine("hello python");
        python.WaitForLine("python got: hello python");
        Assert.Equal(0, python.WaitForExit());
        listener.WaitForLine("Error: 102");
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
