using System.CommandLine;
using AkkaIpc.Node.Cli;
using AkkaIpc.Node.Hosting;
using AkkaIpc.Node.Link;

namespace AkkaIpc.Node.Commands;

/// <summary><c>akka-ipc listen PATH</c> and <c>akka-ipc connect PATH</c>: the interactive chat.</summary>
internal static class ChatCommand
{
    public static Command Create(string name, SocketRole role, string description, Func<ParseResult, NodeOptions> options)
    {
        var path = NodeCommandLine.PathArgument();
        var command = new Command(name, description) { path };
        command.SetAction((result, _) =>
            NodeHost.RunAsync(options(result), (runtime, token) => RunAsync(runtime, role, result.GetValue(path)!, token)));
        return command;
    }

    private static async Task<int> RunAsync(NodeRuntime runtime, SocketRole role, string path, CancellationToken cancellationToken)
    {
        var inbox = new EventQueue();
        await using var link = runtime.Open(role, path, inbox);
        var window = new InputWindow(runtime.InputWindowBytes);
        StdinLines.Start(inbox, window, runtime.LineOverhead, runtime.MaxLine);
        var session = new ChatSession(link, inbox, runtime.LineBreaks, window);
        try
        {
            return await session.RunAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            await ChatSession.CloseAsync(link, inbox, CancellationToken.None).ConfigureAwait(false);
            throw;
        }
    }
}
