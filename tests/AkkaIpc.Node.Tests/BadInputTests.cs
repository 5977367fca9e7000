using AkkaIpc.Node.Tests.Harness;

namespace AkkaIpc.Node.Tests;

/// <summary>
/// Every usage or socket error: one stderr line with the code and the path, the documented exit code
/// (EXIT-CODES.md: 1 usage, 2 socket error), no stack trace, and nothing touched that the node does not own.
/// The socket commands keep their stdin open here, so end of input cannot end them first.
/// </summary>
public sealed class BadInputTests
{
    [Fact]
    public void An_empty_path_is_error_107()
    {
        using var listener = ChildProcess.Node("listen", string.Empty);

        Assert.Equal(2, listener.WaitForExit());
        Assert.StartsWith("error 107: ", Assert.Single(listener.ErrorOutput), StringComparison.Ordinal);
    }

    [Fact]
    public void A_path_over_103_bytes_is_error_107_naming_its_length_and_the_path()
    {
        var path = "/tmp/" + new string('p', 104 - "/tmp/".Length);
        using var listener = ChildProcess.Node("listen", path);

        Assert.Equal(2, listener.WaitForExit());
        Assert.Equal($"error 107: path is 104 bytes; the limit is 103: {path}", Assert.Single(listener.ErrorOutput));
        Assert.Contains("Error: 107", listener.Output);
        Assert.False(File.Exists(path));
    }

    [Fact]
    public void A_path_in_a_missing_directory_is_error_100()
    {
        var path = $"/tmp/aipc-missing-{Guid.NewGuid():N}"[..30] + "/x.sock";
        using var listener = ChildProcess.Node("listen", path);

        Assert.Equal(2, listener.WaitForExit());
        var line = Assert.Single(listener.ErrorOutput);
        Assert.StartsWith("error 100: ", line, StringComparison.Ordinal);
        Assert.EndsWith(path, line, StringComparison.Ordinal);
    }

    [Fact]
    public void A_regular_file_at_the_path_is_error_105_and_stays_intact()
    {
        using var path = new TempSocketPath();
        File.WriteAllText(path.Value, "precious contents");
        using var listener = ChildProcess.Node("listen", path.Value);

        Assert.Equal(2, listener.WaitForExit());
        var line = Assert.Single(listener.ErrorOutput);
        Assert.StartsWith("error 105: ", line, StringComparison.Ordinal);
        Assert.EndsWith(path.Value, line, StringComparison.Ordinal);
        Assert.Equal("precious contents", File.ReadAllText(path.Value));
    }

    [Theory]
    [InlineData("", "error 107: ")]
    [InlineData("/tmp/aipc-no-such-dir-7f3a/x.sock", "error 100: ")]
    [InlineData("regular-file", "error 105: ")]
    public void A_listen_error_is_reported_even_when_stdin_is_already_at_its_end(string path, string expected)
    {
        using var temp = new TempSocketPath();
        if (path == "regular-file")
        {
            path = temp.Value;
            File.WriteAllText(path, "kept");
        }

        using var listener = ChildProcess.Node("listen", path);
        listener.CloseInput();

        Assert.Equal(2, listener.WaitForExit());
        Assert.StartsWith(expected, Assert.Single(listener.ErrorOutput), StringComparison.Ordinal);
    }

    [Fact]
    public void Listen_with_stdin_at_its_end_closes_at_once_and_removes_its_file()
    {
        using var path = new TempSocketPath();
        using var listener = ChildProcess.Node("listen", path.Value);
        listener.CloseInput();

        Assert.Equal(0, listener.WaitForExit());
        Assert.Empty(listener.ErrorOutput);
        Assert.False(File.Exists(path.Value), "the listener left its socket file");
    }

    [Fact]
    public void Send_with_nothing_listening_is_error_103()
    {
        using var path = new TempSocketPath();
        using var send = ChildProcess.Node("send", path.Value, "nobody hears this");

        Assert.Equal(2, send.WaitForExit());
        var line = Assert.Single(send.ErrorOutput);
        Assert.StartsWith("error 103: ", line, StringComparison.Ordinal);
        Assert.EndsWith(path.Value, line, StringComparison.Ordinal);
    }

    [Fact]
    public void A_second_listener_on_a_live_path_is_error_105_and_the_first_keeps_working()
    {
        using var path = new TempSocketPath();
        using var first = ChildProcess.Node("listen", path.Value);
        first.WaitForLine("Listening: " + path.Value);

        using var second = ChildProcess.Node("listen", path.Value);
        Assert.Equal(2, second.WaitForExit());
        var line = Assert.Single(second.ErrorOutput);
        Assert.StartsWith("error 105: ", line, StringComparison.Ordinal);
        Assert.EndsWith(path.Value, line, StringComparison.Ordinal);

        using var connector = ChildProcess.Node("connect", path.Value);
        first.WaitForLine("Connected");
        connector.WriteLine("the first listener still owns the path");
        first.WaitForLine("DataAvailable: the first listener still owns the path");
    }

    [Fact]
    public void Connect_gives_up_with_error_103_when_nothing_ever_listens()
    {
        using var path = new TempSocketPath();
        using var connector = ChildProcess.Node("connect", path.Value, "--set", "backoff.max-retries=2", "--set", "backoff.min=20ms");

        Assert.Equal(2, connector.WaitForExit());
        var line = Assert.Single(connector.ErrorOutput);
        Assert.StartsWith("error 103: restart budget spent (akka.ipc.backoff.max-retries = 2 ", line, StringComparison.Ordinal);
        Assert.EndsWith(path.Value, line, StringComparison.Ordinal);
        Assert.Equal(2, connector.Output.Count(output => output.StartsWith("Restarting (attempt ", StringComparison.Ordinal)));
    }

    [Theory]
    [InlineData("frobnicate")]
    [InlineData("listen")]
    [InlineData("listen", "/tmp/a.sock", "--no-such-option")]
    [InlineData("send", "/tmp/a.sock")]
    [InlineData("listen", "/tmp/a.sock", "--framing", "zigzag")]
    [InlineData("listen", "/tmp/a.sock", "--set", "no-equals-sign")]
    [InlineData("listen", "/tmp/a.sock", "--config", "/tmp/aipc-no-such-config.conf")]
    [InlineData]
    public void Usage_errors_print_one_line_and_exit_1(params string[] arguments)
    {
        using var node = ChildProcess.Node(arguments);

        Assert.Equal(1, node.WaitForExit());
        Assert.StartsWith("usage: ", Assert.Single(node.ErrorOutput), StringComparison.Ordinal);
        Assert.Empty(node.Output);
    }

    [Theory]
    [InlineData("--set akka.loglevel=NOPE", "listen", "{path}", "--set", "akka.loglevel=NOPE")]
    [InlineData("--set akka.stdout-loglevel=NOPE", "listen", "{path}", "--set", "akka.stdout-loglevel=NOPE")]
    [InlineData("--timeout", "send", "{path}", "hi", "--timeout", "5000000")]
    [InlineData("--step-timeout", "demo", "--step-timeout", "5000000")]
    public void A_value_the_runtime_refuses_is_a_usage_error_naming_the_option(string named, params string[] arguments)
    {
        using var path = new TempSocketPath();
        using var node = ChildProcess.Node([.. arguments.Select(argument => argument.Replace("{path}", path.Value, StringComparison.Ordinal))]);

        Assert.Equal(1, node.WaitForExit());
        var line = Assert.Single(node.ErrorOutput);
        Assert.StartsWith("usage: ", line, StringComparison.Ordinal);
        Assert.Contains(named, line, StringComparison.Ordinal);
        Assert.Empty(node.Output);
        Assert.False(File.Exists(path.Value), "a usage error must not create the socket");
    }

    [Theory]
    [InlineData]
    [InlineData("demo")]
    [InlineData("listen")]
    [InlineData("connect")]
    [InlineData("send")]
    [InlineData("serve")]
    public void Every_command_has_help(params string[] command)
    {
        using var node = ChildProcess.Node([.. command, "--help"]);

        Assert.Equal(0, node.WaitForExit());
        Assert.Contains(node.Output, line => line.StartsWith("Usage:", StringComparison.Ordinal));
        Assert.Empty(node.ErrorOutput);
    }
}
