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
    public void Serve_refuses_a_path_held_by_a_regular_file_with_105()
    {
        using var path = new TempSocketPath();
        File.WriteAllText(path.Value, "not a socket");
        using var server = ChildProcess.Node("serve", path.Value);

        Assert.Equal(2, server.WaitForExit());
        Assert.StartsWith("error 105: ", Assert.Single(server.ErrorOutput), StringComparison.Ordinal);
        Assert.Equal("not a socket", File.ReadAllText(path.Value));
    }

    [Fact]
    public void Serve_without_echo_prints_each_client_apart()
    {
        using var path = new TempSocketPath();
        using var server = ChildProcess.Node("serve", path.Value);
        server.WaitForLine("Listening: " + path.Value);

        using var first = ChildProcess.Start("socat", "-", "UNIX-CONNECT:" + path.Value);
        server.WaitForLine("[client 1] Connected");
        using var second = ChildProcess.Start("socat", "-", "UNIX-CONNECT:" + path.Value);
        server.WaitForLine("[client 2] Connected");

        second.WriteLine("from the second");
        server.WaitForLine("[client 2] DataAvailable: from the second");
        first.WriteLine("from the first");
        server.WaitForLine("[client 1] DataAvailable: from the first");

        first.CloseInput();
        server.WaitForLine("[client 1] Disconnected (102)");
        second.WriteLine("still here");
        server.WaitForLine("[client 2] DataAvailable: still here");

        server.Signal(2);
        Assert.Equal(130, server.WaitForExit());
        Assert.Equal(0, second.WaitForExit());
        Assert.False(File.Exists(path.Value), "serve left its socket file");
    }

    [Fact]
    public void Serve_echo_answers_several_clients_each_with_its_own_text()
    {
        using var path = new TempSocketPath();
        using var server = ChildProcess.Node("serve", path.Value, "--echo");
        server.WaitForLine("Listening: " + path.Value);

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

        server.WaitUntilOutput(
            lines => lines.Count(line => line.StartsWith("[client ", StringComparison.Ordinal) && line.EndsWith("] Disconnected (102)", StringComparison.Ordinal)) == 3,
            "every client's disconnection");
        Assert.Equal(3, server.Output.Count(line => line.StartsWith("[client ", StringComparison.Ordinal) && line.EndsWith("] Connected", StringComparison.Ordinal)));
        server.Signal(15);
        Assert.Equal(143, server.WaitForExit());
        Assert.False(File.Exists(path.Value), "serve left its socket file");
    }
}
