using Akka.Actor;

namespace Akka.Event;

/// <summary>The default logger (<c>akka.loggers</c>): prints log events to standard output.</summary>
public class DefaultLogger : ActorBase
{
    /// <inheritdoc />
    protected override bool Receive(object message)
    {
        switch (message)
        {
            case InitializeLogger:
                Sender.Tell(LoggerInitialized.Instance, Self);
                return true;
            case LogEvent logEvent:
                Print(logEvent);
                return true;
            default:
                return false;
        }
    }

    /// <summary>Writes <paramref name="logEvent"/> to standard output.</summary>
    protected virtual void Print(LogEvent logEvent) => Console.Out.WriteLine(logEvent.ToString());
}
