using AkkaIpc.Node.Tests.Harness;

namespace AkkaIpc.Node.Tests;

public sealed class ServeTests
{
    private const string EchoClient = """
        import socket, sys
        s = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        s.settimeout(30)
        s.connect(sys.argv[1])
        s.sendall((sys.argv[2] + "\n").encode())
        data = b""
        while not data.endswith(b"\n"):
            chunk = s.recv(4096)
            if not chunk:
                break
            data += chunk
        print("echo: " + data.decode().strip(), flush=True)
        s.close()
        """;

    [Fact]
    public void Serve_echo_answers_several_clients_each_with_its_own_text()
    {
        using var path = new TempSocketPath();
        using var server = ChildProcess.Node("serve", path.Value, "--echo");
        UnixSockets.WaitUntilListening(path.Value, ChildProcess.DefaultTimeout);

        var clients = Enumerable.Range(1, 3).Select(i => ChildProcess.Start("python3", "-c", EchoClient, path.Value, $"text of client {i}")).ToList();
        try
        {
            for (var i = 1; i <= 3; i++)
            {
                clients[i - 1].WaitForLine($"echo: text of client {i}");
                Assert.Equal(0, clients[i - 1].WaitForExit());
            }
        }
        finally
        {
            clients.ForEach(client => client.Dispose());
        }

        server.WaitUntilOutput(
            lines => Enumerable.Range(1, 3).All(i => lines.Any(line => line.EndsWith($"] DataAvailable: text of client {i}", StringComparison.Ordinal))),
            "every client's text");

        Assert.Equal(3, server.Output.Count(line => line.StartsWith("[client ", StringComparison.Ordinal) && line.EndsWith("] Connected", StringComparison.Ordinal)));
        server.Signal(15);
        Assert.Equal(143, server.WaitForExit());
        Assert.False(File.Exists(path.Value), "serve left its socket file");
    }
}
