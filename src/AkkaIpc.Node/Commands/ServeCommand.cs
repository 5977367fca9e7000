using System.CommandLine;
using System.Globalization;
using Akka.Actor;
using AkkaIpc.Node.Cli;
using AkkaIpc.Node.Hosting;
using AkkaIpc.Node.Link;

namespace AkkaIpc.Node.Commands;

/// <summary>
/// <c>akka-ipc serve PATH [--echo]</c>: a server for many clients. Each client gets a number, and its
/// events are printed with it (<c>[client 2] DataAvailable: hi</c>); <c>--echo</c> writes back to each
/// client what it sent. Runs until SIGINT or SIGTERM.
/// </summary>
internal static class ServeCommand
{
    public static Command Create(Func<ParseResult, NodeOptions> options)
    {
        var path = NodeCommandLine.PathArgument();
        var echo = new Option<bool>("--echo") { Description = "Send every client back what it sent." };
        var command = new Command("serve", "Serve many clients on PATH, printing each client's events; runs until Ctrl-C or SIGTERM.")
        {
            path, echo,
        };
        command.SetAction((result, _) => NodeHost.RunAsync(options(result), (runtime, token) =>
            RunAsync(runtime, result.GetValue(path)!, result.GetValue(echo), token)));
        return command;
    }

    private static async Task<int> RunAsync(NodeRuntime runtime, string path, bool echo, CancellationToken cancellationToken)
    {
        var inbox = new EventQueue();
        await using var link = runtime.Open(SocketRole.Server, path, inbox);
        var clients = new Dictionary<IActorRef, (int Number, ReceivedText Text)>();
        var lastClient = 0;
        try
        {
            while (true)
            {
                var next = await inbox.ReceiveAsync(cancellationToken).ConfigureAwait(false);
                var client = next.Source is not null && clients.TryGetValue(next.Source, out var known) ? $"[client {known.Number}] " : string.Empty;
                switch (next.Message)
                {
                    case Listening listening:
                        ConsoleOutput.Line(EventText.Listening(listening));
                        break;
                    case PeerConnected connected:
                        clients[connected.Connection] = (++lastClient, new ReceivedText());
                        ConsoleOutput.Line($"[client {lastClient}] {EventText.Connected}");
                        break;
                    case Received received:
                        var text = next.Source is not null && clients.TryGetValue(next.Source, out var sender)
                            ? sender.Text.Decode(received.Data.AsSpan())
                            : new ReceivedText().Decode(received.Data.AsSpan());
                        foreach (var line in EventText.DataAvailable(text))
                        {
                            ConsoleOutput.Line(client + line);
                        }

                        if (echo && next.Source is not null)
                        {
                            link.SendTo(next.Source, new Write(received.Data));
                            link.SendTo(next.Source, Flush.Instance);
                        }

                        break;
                    case PeerRejected rejected:
                        ConsoleOutput.Line(EventText.PeerRejected(rejected));
                        break;
                    case IpcError error:
                        ConsoleOutput.Line(client + EventText.Error(error.Code));
                        break;
                    case PeerDisconnected disconnected:
                        // Forget the connection: a long-running server sees clients come and go without end.
                        var gone = clients.Remove(disconnected.Connection, out var left) ? left.Number.ToString(CultureInfo.InvariantCulture) : "?";
                        ConsoleOutput.Line($"[client {gone}] Disconnected ({(int)disconnected.Code})");
                        break;
                    case Restarting restarting:
                        ConsoleOutput.Line(EventText.Restarting(restarting));
                        break;
                    case CommandFailed failed:
                        ConsoleOutput.Line(client + EventText.Error(failed.Code));
                        break;
                    case GaveUp gaveUp:
                        throw new NodeExitException(ExitCodes.SocketError, EventText.Failure(gaveUp.Cause, gaveUp.Message, path));
                    case Closed closed when client.Length == 0:
                        throw new NodeExitException(ExitCodes.SocketError, $"error: the server closed: {closed.Reason}: {path}");
                    case Terminated:
                        throw new NodeExitException(ExitCodes.SocketError, $"error: the server stopped unexpectedly: {path}");
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            await ChatSession.CloseAsync(link, inbox, CancellationToken.None).ConfigureAwait(false);
            throw;
        }
    }
}
