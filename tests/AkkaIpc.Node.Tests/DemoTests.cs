using AkkaIpc.Node.Tests.Harness;

namespace AkkaIpc.Node.Tests;

public sealed class DemoTests
{
    [Fact]
    public void Demo_runs_two_processes_through_a_SIGKILL_and_exits_0()
    {
        using var demo = ChildProcess.Node("demo");

        var first = demo.WaitForLine(line => line.StartsWith("[demo] the listener", StringComparison.Ordinal), "the demo's first line");
        var path = first[(first.LastIndexOf(' ') + 1)..];
        demo.WaitForLine("[peer 1] DataAvailable: hello peer 1, this is the listener");
        demo.WaitForLine("[listener] DataAvailable: hello listener, this is peer 1");
        demo.WaitForLine(line => line.StartsWith("[demo] killing peer 1", StringComparison.Ordinal), "the kill");
        demo.WaitForLine("[listener] Error: 102");
        demo.WaitForLine(line => line.StartsWith("[listener] Restarting (attempt 1, in ", StringComparison.Ordinal), "the supervisor's restart");
        demo.WaitForLine("[peer 2] DataAvailable: hello peer 2, this is the listener");
        demo.WaitForLine("[listener] DataAvailable: hello listener, this is peer 2");

        Assert.Equal(0, demo.WaitForExit());
        Assert.Contains("[listener] Connected", demo.Output);
        Assert.Contains("[peer 1] Connected", demo.Output);
        Assert.Contains("[peer 2] Connected", demo.Output);
        Assert.Contains("[demo] peer 1 exited with code 137", demo.Output);
        Assert.Contains("[demo] peer 2 exited with code 0", demo.Output);
        Assert.Contains($"[demo] the socket file is gone: {path}", demo.Output);
        Assert.Empty(demo.ErrorOutput);
        Assert.False(File.Exists(path), $"{path} is left behind");
    }

    [Fact]
    public void Demo_passes_its_framing_on_to_its_peers()
    {
        using var demo = ChildProcess.Node("demo", "--framing", "length-prefixed");

        demo.WaitForLine(line => line.StartsWith("[demo] started peer 1 ", StringComparison.Ordinal) && line.EndsWith("--framing length-prefixed", StringComparison.Ordinal), "peer 1 with the framing");
        demo.WaitForLine("[listener] DataAvailable: hello listener, this is peer 2");
        Assert.Equal(0, demo.WaitForExit());
    }

    [Fact]
    public void Demo_step_timeout_must_be_positive()
    {
        using var demo = ChildProcess.Node("demo", "--step-timeout", "0");

        Assert.Equal(1, demo.WaitForExit());
        Assert.StartsWith("usage: --step-timeout must be 1 to 2147483 seconds, not 0", Assert.Single(demo.ErrorOutput), StringComparison.Ordinal);
    }
}
