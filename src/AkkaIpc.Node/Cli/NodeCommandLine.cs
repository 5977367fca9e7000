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

        var root = new RootCommand(
            "akka-ipc: an actor-model IPC node over Unix domain sockets.\n"
            + "Exit codes: 0 ok, 1 usage error, 2 socket error, 3 timeout, 4 internal error, 130 SIGINT, 143 SIGTERM.");
        root.Options.Add(config);
        root.Options.Add(set);
        root.Options.Add(framing);
        root.Options.Add(printConfig);
        root.SetAction((result, _) => Options(result).PrintConfig
            ? NodeHost.RunAsync(Options(result), static (_, _) => Task.FromResult(ExitCodes.Ok))
            : Task.FromResult(NodeHost.Fail(NodeExitException.Usage("a command is required: demo, listen, connect, send or serve (see akka-ipc --help)"))));

        root.Subcommands.Add(DemoCommand.Create(Options));
        root.Subcommands.Add(ChatCommand.Create("listen", SocketRole.Listener, "Listen on PATH for one peer at a time and chat: stdin lines are sent, received data is printed; the link is re-established when the peer goes.", Options));
        root.Subcommands.Add(ChatCommand.Create("connect", SocketRole.Connector, "Connect to PATH and chat: stdin lines are sent, received data is printed; reconnects when the listener goes.", Options));
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
