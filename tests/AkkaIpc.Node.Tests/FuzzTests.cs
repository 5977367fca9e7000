using AkkaIpc.Node.Cli;
using AkkaIpc.Node.Link;
using AkkaIpc.Node.Tests.Harness;
using FsCheck;
using FsCheck.Fluent;

namespace AkkaIpc.Node.Tests;

/// <summary>
/// Random settings and command lines (FsCheck): the node either accepts them or refuses with a usage error (exit 1)
/// naming the key or option; never an internal error (exit 4) or a stack trace. Settings are checked in-process
/// (the node's own start-up path, an actor system per case); command lines run the real node.
/// </summary>
public sealed class FuzzTests
{
    private static readonly string[] Values =
    [
        "-1", "0", "1", "7", "99999999999999999999", "1.5", "-0.5", "NaN", "\"\"", "[]", "[1, 2]", "[-1]", "[\"x\"]", "{}",
        "{ a = 1 }", "on", "off", "yes", "maybe", "null", "1ms", "-1ms", "0s", "1 fortnight", "100000d", "4MiB", "0KiB",
        "4 QiB", "1e400", "0x10", "\"0999\"", "\"0777\"", "\"9\"", "${nope}", "\"unterminated", "a=b", "#", "//", "[", "}",
        "raw", "length-prefixed", "DEBUG", "NOPE", "\"\\u0000\"", "é", "\"/tmp\"",
    ];

    private static readonly string[] AkkaKeys = ["akka.loglevel", "akka.stdout-loglevel", "akka.log-dead-letters", "akka.actor.provider"];

    [Fact]
    public void Random_setting_values_start_the_node_or_are_a_usage_error_naming_the_key()
    {
        var keys = IpcKeys(IpcConfig.Default.GetConfig("akka.ipc"), string.Empty).Concat(AkkaKeys).ToArray();
        var settings = Gen.Elements(keys).SelectMany(key => Gen.Elements(Values).Select(value => (Key: key, Value: value)));
        var property = Prop.ForAll(settings.ToArbitrary(), setting =>
        {
            var options = NodeOptions.Default with { Settings = [$"{setting.Key}={setting.Value}"] };
            try
            {
                NodeRuntime.Start(options).DisposeAsync().AsTask().Wait(TimeSpan.FromSeconds(30));
            }
            catch (NodeExitException refused)
            {
                Assert.Equal(ExitCodes.Usage, refused.ExitCode);
                Assert.StartsWith("usage: ", refused.Message, StringComparison.Ordinal);
                Assert.Contains(setting.Key, refused.Message, StringComparison.Ordinal);
            }
        });

        Check.One(Config.QuickThrowOnFailure.WithMaxTest(SuiteMode.Count(60, 600)), property);
    }

    [Fact]
    public void Random_command_lines_never_end_in_an_internal_error()
    {
        var options = Gen.Elements("--timeout", "--step-timeout", "--framing", "--set", "--config", "--bogus", "-n", "--print-config");
        var commands = Gen.Elements("listen", "connect", "send");
        var lines = commands.SelectMany(command => options.SelectMany(option => Gen.Elements(Values).Select(value => (command, option, value))));
        var property = Prop.ForAll(lines.ToArbitrary(), line =>
        {
            using var path = new TempSocketPath();
            string[] arguments = line.command == "send"
                ? ["send", path.Value, "hi", line.option, line.value]
                : [line.command, path.Value, line.option, line.value];
            using var node = ChildProcess.Node(arguments);
            node.CloseInput();
            var exit = node.WaitForExit();

            var what = $"akka-ipc {string.Join(' ', arguments)} → exit {exit}\n{node.Describe()}";
            Assert.True(exit is 0 or 1 or 2 or 3, what);
            Assert.True(node.ErrorOutput.Count <= 1, what);
            Assert.DoesNotContain(node.ErrorOutput, error => error.Contains("internal error", StringComparison.Ordinal) || error.Contains("   at ", StringComparison.Ordinal));
            if (exit == 1)
            {
                var error = Assert.Single(node.ErrorOutput);
                Assert.True(error.StartsWith("usage: ", StringComparison.Ordinal), what);
                Assert.True(error.Contains(line.option, StringComparison.Ordinal) || error.Contains(line.value.Trim('"'), StringComparison.Ordinal), what);
            }
        });

        Check.One(Config.QuickThrowOnFailure.WithMaxTest(SuiteMode.Count(12, 150)), property);
    }

    private static IEnumerable<string> IpcKeys(Akka.Configuration.Config config, string prefix) =>
        config.AsEnumerable().SelectMany(entry =>
        {
            var key = prefix + entry.Key;
            return entry.Value.IsObject() ? IpcKeys(config.GetConfig(entry.Key), key + ".") : [key];
        });
}
