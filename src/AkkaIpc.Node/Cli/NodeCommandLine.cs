using System.CommandLine;
using AkkaIpc.Node.Commands;
using AkkaIpc.Node.Link;

namespace AkkaIpc.Node.Cli;

/// <summary>
/// The command tree of <c>akka-ipc</c>: <c>demo</c>, <c>listen</c>, <c>connect</c>, <c>send</c>,
/// <c>serve</c>, and the options shared by all of them.
/// </summary>
internal static class NodeCommandLine
{
    public static RootCommand Build()
    {
        var config = new Option<string>("--config")
        {
            Description = "A HOCON file read over the built-in reference.conf.",
            HelpName = "FILE",
            Recursive = true,
        };
        var set = new Option<string[]>("--set")
        {
            Description = "Override one setting: a key under akka.ipc (e.g. backoff.min=100ms) or a full path starting with 'akka.'. Repeatable; the last one wins.",
            HelpName = "key=value",
            Arity = ArgumentArity.ZeroOrMore,
            Recursive = true,
        };
        var framing = new Option<string>("--framing")
        {
            Description = "raw (bytes as they arrive, the default) or length-prefixed (4-byte big-endian length, whole messages).",
            Recursive = true,
        };
        framing.AcceptOnlyFromAmong("raw", "length-prefixed");
        var printConfig = new Option<bool>("--print-config")
        {
            Description = "Print the effective akka.ipc configuration and exit.",
            Recursive = true,
        };

        NodeOptions Options(ParseResult result) => new(
            result.GetValue(config),
            result.GetValue(set) ?? [],
            result.GetValue(framing),
            result.GetValue(printConfig));

        var root = new RootCommand("akka-ipc: an actor-model IPC node over Unix domain sockets (see EXIT-CODES.md for exit codes).");
        root.Options.Add(config);
        root.Options.Add(set);
        root.Options.Add(framing);
        root.Options.Add(printConfig);
        root.SetAction((result, token) => NodeHost.RunAsync(Options(result), static (_, _) =>
            throw NodeExitException.Usage("a command is required: demo, listen, connect, send or serve (see akka-ipc --help)")));

        root.Subcommands.Add(DemoCommand.Create(Options));
        root.Subcommands.Add(ChatCommand.Create("listen", SocketRoleKind.Listen, "Listen on PATH for one peer at a time and chat: stdin lines are sent, received data is printed; the link is re-established when the peer goes.", Options));
        root.Subcommands.Add(ChatCommand.Create("connect", SocketRoleKind.Connect, "Connect to PATH and chat: stdin lines are sent, received data is printed; reconnects when the listener goes.", Options));
        root.Subcommands.Add(SendCommand.Create(Options));
        root.Subcommands.Add(ServeCommand.Create(Options));
        return root;
    }

    /// <summary>The PATH argument shared by the socket commands.</summary>
    public static Argument<string> PathArgument() => new("PATH")
    {
        Description = "The socket file path (at most 103 UTF-8 bytes by default), e.g. /tmp/chat.sock.",
    };
}
