using System.CommandLine;
using AkkaIpc.Node.Cli;
using AkkaIpc.Node.Demo;

namespace AkkaIpc.Node.Commands;

/// <summary><c>akka-ipc demo</c>: the reference's two-instance example, run as real processes.</summary>
internal static class DemoCommand
{
    public static Command Create(Func<ParseResult, NodeOptions> options)
    {
        var stepTimeout = new Option<int>("--step-timeout")
        {
            Description = "Seconds each step may take before the demo fails with exit code 3.",
            DefaultValueFactory = _ => 30,
        };
        var command = new Command("demo", "Run the two-instance example with no set-up: listen here, connect from a second process, exchange lines, kill the peer with SIGKILL, watch the supervisor restart the listener, connect again.")
        {
            stepTimeout,
        };
        command.SetAction((result, _) => NodeHost.RunAsync(options(result), (runtime, token) =>
        {
            var limit = SecondsOption.Parse("--step-timeout", result.GetValue(stepTimeout));
            return new DemoRun(runtime, options(result), limit, token).RunAsync();
        }));
        return command;
    }
}
