using System.CommandLine;
using System.CommandLine.Help;
using System.Text;
using AkkaIpc.Node.Cli;
using AkkaIpc.Node.Hosting;

namespace AkkaIpc.Node;

internal static class Program
{
    private static async Task<int> Main(string[] args)
    {
        // Received text is UTF-8 on the wire; print it as UTF-8 whatever the locale says.
        Console.OutputEncoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);
        try
        {
            var result = NodeCommandLine.Build().Parse(args);
            if (result.Errors.Count > 0 && result.Action is not HelpAction)
            {
                // One line, not the parser's help screen: scripts and tests read stderr.
                var messages = result.Errors.Select(error => error.Message.ReplaceLineEndings(" ").Replace('\t', ' ').Trim()).Distinct();
                ConsoleOutput.ErrorLine("usage: " + string.Join("; ", messages) + " (see akka-ipc --help)");
                return ExitCodes.Usage;
            }

            // Signals and exceptions are handled by the commands themselves (NodeHost).
            var invocation = new InvocationConfiguration { ProcessTerminationTimeout = null, EnableDefaultExceptionHandler = false };
            return await result.InvokeAsync(invocation).ConfigureAwait(false);
        }
        catch (Exception exception)
        {
            ConsoleOutput.ErrorLine($"internal error: {exception.GetType().Name}: {exception.Message}");
            return ExitCodes.Internal;
        }
    }
}
