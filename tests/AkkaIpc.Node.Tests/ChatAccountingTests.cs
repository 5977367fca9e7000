using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Text;
using Akka.Actor;
using AkkaIpc.Node.Commands;
using AkkaIpc.Node.Hosting;
using AkkaIpc.Node.Link;
using AkkaIpc.Node.Tests.Harness;
using AkkaIpc.Sockets;

namespace AkkaIpc.Node.Tests;

/// <summary>
/// The chat's count of unacknowledged lines, in-process against a scripted socket actor that records every command:
/// a failed <c>Flush</c> is not a failed line, so the chat still waits for the line's acknowledgement before it
/// closes (issue 11 #5).
/// </summary>
[Collection(ConsoleCapture.Name)]
public sealed class ChatAccountingTests : IDisposable
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);
    private readonly ActorSystem _system = ActorSystem.Create("chat-accounting", "akka.loglevel = OFF\nakka.stdout-loglevel = OFF");

    public void Dispose() => _system.Terminate().Wait(Wait);

    [Fact]
    public async Task A_failed_Flush_does_not_release_a_line_and_the_chat_closes_only_after_its_ack()
    {
        using var console = new ConsoleCapture();
        var inbox = new EventQueue();
        var commands = new BlockingCollection<object>();
        var socket = _system.ActorOf(Props.Create(() => new ScriptedSocket(commands)));
        var stopping = new CancellationTokenSource();
        var subscriber = _system.ActorOf(EventQueueActor.Props(inbox, stopping.Token));
        var link = new NodeLink("/tmp/scripted.sock", socket, subscriber, stopping);
        var session = Task.Run(() => new ChatSession(link, inbox, lineBreaks: true, new InputWindow(1 << 20)).RunAsync(CancellationToken.None));

        Post(inbox, new Connected("/tmp/scripted.sock", null));
        Post(inbox, new InputLine("the line", 9));
        var write = Next<Write>(commands);
        Next<Flush>(commands);

        // The Flush fails (the socket went down meanwhile); the line's write is still waiting for its answer.
        Post(inbox, new CommandFailed(Flush.Instance, IpcErrorCode.InvalidStateError, "106: not connected"));
        Post(inbox, InputEnded.Instance);
        Post(inbox, new Received(ImmutableArray.Create(Encoding.UTF8.GetBytes("probe\n"))));
        subscriber.Tell(write.Ack!, socket);

        Next<Close>(commands);
        Assert.Contains("DataAvailable: probe", console.Text, StringComparison.Ordinal);   // handled before the close
        Assert.Equal(0, await session.WaitAsync(Wait));
        Assert.DoesNotContain("Error: 106", console.Text, StringComparison.Ordinal);
    }

    private static void Post(EventQueue inbox, object message) => inbox.Post(new NodeEvent(message, null));

    private static T Next<T>(BlockingCollection<object> commands)
    {
        Assert.True(commands.TryTake(out var command, Wait), $"no {typeof(T).Name} within {Wait}");
        return Assert.IsType<T>(command);
    }

    /// <summary>Stands in for the socket's supervisor: records each command; answers Close with Closed.</summary>
    private sealed class ScriptedSocket : ReceiveActor
    {
        public ScriptedSocket(BlockingCollection<object> commands) =>
            ReceiveAny(command =>
            {
                commands.Add(command);
                if (command is Close)
                {
                    Sender.Tell(new Closed("closed by the script"));
                }
            });
    }
}
