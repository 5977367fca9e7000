using AkkaIpc.Node.Tests.Harness;

namespace AkkaIpc.Node.Tests;

/// <summary>--config, --set, --framing and --print-config, seen from outside the process.</summary>
public sealed class ConfigTests
{
    [Fact]
    public void Print_config_shows_the_reference_defaults()
    {
        using var node = ChildProcess.Node("--print-config");

        Assert.Equal(0, node.WaitForExit());
        Assert.Equal("akka.ipc {", node.Output[0]);
        Assert.Contains(node.Output, line => line.Trim() is "framing : raw" or "framing = raw");
        Assert.Contains(node.Output, line => line.Trim() is "max-path-bytes : 103" or "max-path-bytes = 103");
    }

    [Theory]
    [InlineData("backoff.min=250ms", "min", "250ms")]
    [InlineData("akka.ipc.backoff.max-retries=3", "max-retries", "3")]
    [InlineData("socket.file-mode=\"0660\"", "file-mode", "0660")] // Akka renders strings unquoted unless they need quotes
    public void Set_overrides_a_key_under_akka_ipc_or_by_full_path(string setting, string key, string value)
    {
        using var node = ChildProcess.Node("--print-config", "--set", setting);

        Assert.Equal(0, node.WaitForExit());
        Assert.Contains(node.Output, line => line.Trim() == $"{key} : {value}" || line.Trim() == $"{key} = {value}");
    }

    [Fact]
    public void Framing_option_wins_over_set_and_config_file()
    {
        using var node = ChildProcess.Node(
            "--print-config", "--config", RepoFiles.Path("hocon/node-framed.conf"), "--set", "socket.framing=raw", "--framing", "length-prefixed");

        Assert.Equal(0, node.WaitForExit());
        Assert.Contains(node.Output, line => line.Trim() is "framing : length-prefixed" or "framing = length-prefixed");
    }

    [Theory]
    [InlineData("hocon/node-framed.conf", "max-frame-size", "\"64 KiB\"")]
    [InlineData("hocon/node-patient-connector.conf", "max-retries", "-1")]
    [InlineData("hocon/node-group-access.conf", "max-connections", "64")]
    public void Example_configurations_load(string file, string key, string value)
    {
        using var node = ChildProcess.Node("--print-config", "--config", RepoFiles.Path(file));

        Assert.Equal(0, node.WaitForExit());
        Assert.Contains(node.Output, line => line.Trim() == $"{key} : {value}" || line.Trim() == $"{key} = {value}");
        Assert.Empty(node.ErrorOutput);
    }

    [Theory]
    [InlineData("backoff.min=-1ms", "akka.ipc.backoff.min")]
    [InlineData("socket.framing=zigzag", "akka.ipc.socket.framing")]
    [InlineData("backoff.max-retries=[1, 2]", "akka.ipc.backoff.max-retries")]
    [InlineData("socket.allowed-peer-uids=1000", "akka.ipc.socket.allowed-peer-uids")]
    [InlineData("backoff.max-retries=${nope}", "--set backoff.max-retries=${nope}")]
    [InlineData("socket.framng=raw", "there is no setting akka.ipc.socket.framng")]
    public void An_invalid_setting_is_a_usage_error_naming_the_key(string setting, string named)
    {
        using var path = new TempSocketPath();
        using var node = ChildProcess.Node("listen", path.Value, "--set", setting);

        Assert.Equal(1, node.WaitForExit());
        var line = Assert.Single(node.ErrorOutput);
        Assert.StartsWith("usage: ", line, StringComparison.Ordinal);
        Assert.Contains(named, line, StringComparison.Ordinal);
        Assert.False(File.Exists(path.Value), "a usage error must not create the socket");
    }

    [Fact]
    public void A_config_file_that_is_not_HOCON_is_a_usage_error()
    {
        var file = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"aipc-{Guid.NewGuid():N}.conf");
        File.WriteAllText(file, "akka.ipc { framing = ${nope} }");   // both Akka parsers reject this
        try
        {
            using var node = ChildProcess.Node("--print-config", "--config", file);

            Assert.Equal(1, node.WaitForExit());
            Assert.StartsWith($"usage: the config file {file} is not valid HOCON", Assert.Single(node.ErrorOutput), StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(file);
        }
    }
}
