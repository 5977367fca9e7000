using System.CommandLine;
using Akka.Actor;
using AkkaIpc.Node.Cli;
using AkkaIpc.Node.Hosting;
using AkkaIpc.Node.Link;

namespace AkkaIpc.Node.Commands;

/// <summary>
/// <c>akka-ipc send PATH TEXT</c>: connect, write, flush, close. Exits 0 once the write is acknowledged,
/// that is once the bytes are in the kernel; a listener that is not there is an error (103), not retried.
/// </summary>
internal static class SendCommand
{
    public static Command Create(Func<ParseResult, NodeOptions> options)
    {
        var path = NodeCommandLine.PathArgument();
        var text = new Argument<string>("TEXT") { Description = "The text to send (UTF-8); in raw framing a line break is added unless -n is given." };
        var noNewline = new Option<bool>("--no-newline", "-n") { Description = "Do not add a line break after TEXT." };
        var timeout = new Option<int>("--timeout")
        {
            Description = "Seconds to wait for the connection and the acknowledgement before exiting with code 3.",
            DefaultValueFactory = _ => 10,
        };
        var command = new Command("send", "Connect to PATH, send TEXT, flush and close; exit 0 once the bytes are in the kernel.")
        {
            path, text, noNewline, timeout,
        };
        command.SetAction((result, _) => NodeHost.RunAsync(options(result), (runtime, token) =>
        {
            var limit = SecondsOption.Parse("--timeout", result.GetValue(timeout));
            var payload = result.GetValue(text)!;
            if (runtime.LineBreaks && !result.GetValue(noNewline))
            {
                payload += "\n";
            }

            return RunAsync(runtime, result.GetValue(path)!, payload, limit, token);
        }));
        return command;
    }

    private static async Task<int> RunAsync(NodeRuntime runtime, string path, string payload, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var inbox = new EventQueue();
        await using var link = runtime.Open(SocketRole.Connector, path, inbox, retry: false);
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var left = deadline - DateTime.UtcNow;
            var next = left > TimeSpan.Zero ? await inbox.ReceiveAsync(left, cancellationToken).ConfigureAwait(false) : null;
            switch (next?.Message)
            {
                case null:
                    throw NodeExitException.Timeout("the connection and acknowledgement of send", timeout);
                case Connected:
                    link.Send(Write.Text(payload, SendAcknowledged.Instance));
                    link.Send(Flush.Instance);
                    break;
                case SendAcknowledged:
                    await ChatSession.CloseAsync(link, inbox, cancellationToken).ConfigureAwait(false);
                    return ExitCodes.Ok;
                case GaveUp gaveUp:
                    throw new NodeExitException(ExitCodes.SocketError, EventText.Failure(gaveUp.Cause, gaveUp.Message, path));
                case CommandFailed failed:
                    throw new NodeExitException(ExitCodes.SocketError, EventText.Failure(failed.Code, failed.Message, path));
                case Terminated:
                    throw new NodeExitException(ExitCodes.SocketError, $"error: the socket stopped before the write was acknowledged: {path}");
                case Closed closed:
                    throw new NodeExitException(ExitCodes.SocketError, $"error: the socket closed before the write was acknowledged: {closed.Reason}: {path}");
            }
        }
    }

    private sealed record SendAcknowledged
    {
        public static readonly SendAcknowledged Instance = new();
    }
}
