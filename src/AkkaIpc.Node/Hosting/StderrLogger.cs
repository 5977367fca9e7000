using Akka.Actor;
using Akka.Dispatch;
using Akka.Event;

namespace AkkaIpc.Node.Hosting;

/// <summary>
/// The node's Akka logger: warnings and errors on standard error, one line each, while standard output belongs to the
/// chat. At the node's default level (WARNING) AkkaIpc's own lines are left out: the node prints every event of its
/// sockets itself (<c>Error: 102</c>, <c>error 105: …</c>) and would otherwise say each twice. A more detailed level
/// (<c>--set akka.loglevel=DEBUG</c>) shows everything.
/// </summary>
internal sealed class StderrLogger : ReceiveActor, IRequiresMessageQueue<ILoggerMessageQueueSemantics>
{
    private readonly bool _detailed = Context.System.Settings.LogLevel.ToUpperInvariant() is "DEBUG" or "INFO";

    public StderrLogger()
    {
        Receive<InitializeLogger>(_ => Sender.Tell(new LoggerInitialized()));
        Receive<LogEvent>(Write);
        ReceiveAny(_ => { });
    }

    private void Write(LogEvent e)
    {
        if (!_detailed && e.LogClass?.Namespace?.StartsWith("AkkaIpc", StringComparison.Ordinal) == true)
            return;
        var cause = e is Error { Cause: { } exception } ? $": {exception.GetType().Name}: {exception.Message}" : string.Empty;
        Console.Error.WriteLine($"akka {e.LogLevel().ToString().Replace("Level", string.Empty, StringComparison.Ordinal).ToLowerInvariant()}: {e.LogSource}: {e.Message}{cause}");
    }
}
