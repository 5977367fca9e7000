using AkkaIpc.Node.Cli;
using AkkaIpc.Node.Hosting;
using AkkaIpc.Node.Link;

namespace AkkaIpc.Node.Commands;

/// <summary>
/// Runs one command: installs the signal handlers, starts the runtime from the options, maps the
/// outcome to an exit code and prints the one stderr line of an expected failure.
/// </summary>
internal static class NodeHost
{
    public static async Task<int> RunAsync(NodeOptions options, Func<NodeRuntime, CancellationToken, Task<int>> command)
    {
        using var signal = new ShutdownSignal();
        try
        {
            await using var runtime = NodeRuntime.Start(options);
            if (options.PrintConfig)
            {
                ConsoleOutput.Line(runtime.DescribeConfig());
                return ExitCodes.Ok;
            }

            return await command(runtime, signal.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (signal.Token.IsCancellationRequested)
        {
            return signal.ExitCode;
        }
        catch (NodeExitException failure)
        {
            return Fail(failure);
        }
    }

    /// <summary>Prints the failure's one stderr line and returns its exit code.</summary>
    public static int Fail(NodeExitException failure)
    {
        ConsoleOutput.ErrorLine(failure.Message);
        return failure.ExitCode;
    }
}
