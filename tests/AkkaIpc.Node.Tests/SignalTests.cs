using AkkaIpc.Node.Tests.Harness;

namespace AkkaIpc.Node.Tests;

/// <summary>Ctrl-C and SIGTERM close the node's sockets, remove its socket files and exit 130 / 143.</summary>
public sealed class SignalTests
{
    [Theory]
    [InlineData(2, 130)]
    [InlineData(15, 143)]
    public void A_signal_closes_a_connected_listener_and_removes_its_socket_file(int signal, int exitCode)
    {
        using var path = new TempSocketPath();
        using var listener = ChildProcess.Node("listen", path.Value);
        using var connector = ChildProcess.Node("connect", path.Value);
        listener.WaitForLine("Connected");
        connector.WaitForLine("Connected");

        listener.Signal(signal);

        Assert.Equal(exitCode, listener.WaitForExit());
        connector.WaitForLine("Error: 102");
        Assert.False(File.Exists(path.Value), "the listener left its socket file");
        Assert.Empty(listener.ErrorOutput);
    }

    [Fact]
    public void Ctrl_C_ends_a_connector_with_130_and_its_listener_sees_102()
    {
        using var path = new TempSocketPath();
        using var listener = ChildProcess.Node("listen", path.Value);
        using var connector = ChildProcess.Node("connect", path.Value);
        listener.WaitForLine("Connected");
        connector.WaitForLine("Connected");

        connector.Signal(2);

        Assert.Equal(130, connector.WaitForExit());
        listener.WaitForLine("Error: 102");
        Assert.Empty(connector.ErrorOutput);
    }

    [Fact]
    public void SIGTERM_ends_the_demo_and_its_peer_process()
    {
        using var demo = ChildProcess.Node("demo");
        var started = demo.WaitForLine(line => line.StartsWith("[demo] started peer 1 (pid ", StringComparison.Ordinal), "peer 1's start");
        var pid = int.Parse(started.Split("(pid ")[1].Split(')')[0], System.Globalization.CultureInfo.InvariantCulture);
        demo.WaitForLine("[listener] DataAvailable: hello listener, this is peer 1");

        demo.Signal(15);

        Assert.Equal(143, demo.WaitForExit());
        Assert.False(IsRunning(pid), $"peer 1 (pid {pid}) outlived the demo");
    }

    private static bool IsRunning(int pid)
    {
        try
        {
            using var process = System.Diagnostics.Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }
}
