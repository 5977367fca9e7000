using System.Globalization;
using Akka.Actor;
using Akka.Event;
using Akka.TestKit.Internal;

namespace Akka.TestKit;

/// <summary>
/// The logger the TestKit configures (<c>akka.loggers = ["Akka.TestKit.TestEventListener, Akka.TestKit"]</c>):
/// applies the active EventFilters to each log event (matched events are counted and not printed),
/// turns dead letters into Warnings so <c>EventFilter.DeadLetter</c> can match them (and unhandled
/// messages into "Unhandled message from ..." Warnings, as Akka does), and prints the
/// remaining events to the test output (or stdout when the test has none).
/// </summary>
public sealed class TestEventListener : UntypedActor
{
    private TestEventRegistry _registry;

    /// <inheritdoc />
    protected override void OnReceive(object message)
    {
        switch (message)
        {
            case InitializeLogger:
                Context.System.EventStream.Subscribe(Self, typeof(DeadLetter));
                Context.System.EventStream.Subscribe(Self, typeof(UnhandledMessage));
                Sender.Tell(LoggerInitialized.Instance, Self);
                break;
            case DeadLetter deadLetter:
                var recipient = deadLetter.Recipient;
                Handle(new Warning(recipient?.Path.ToString() ?? "deadLetters", recipient?.GetType() ?? typeof(DeadLetter), deadLetter));
                break;
            case UnhandledMessage unhandled:
                var target = unhandled.Recipient;
                Handle(new Warning(target?.Path.ToString() ?? "unknown", target?.GetType() ?? typeof(UnhandledMessage), $"Unhandled message from {unhandled.Sender}: {unhandled.Message}"));
                break;
            case LogEvent logEvent:
                Handle(logEvent);
                break;
            default:
                Unhandled(message);
                break;
        }
    }

    private void Handle(LogEvent logEvent)
    {
        _registry ??= TestEventRegistry.For(Context.System);
        if (!_registry.IsFiltered(logEvent))
            Print(logEvent);
    }

    private void Print(LogEvent logEvent)
    {
        var text = Format(logEvent, _registry.OutputPrefix);
        var output = _registry.Output;
        if (output == null)
        {
            Console.WriteLine(text);
            return;
        }

        try
        {
            output.WriteLine(text);
        }
        catch (InvalidOperationException)
        {
            // xunit rejects output once its test has finished; late events of a shutting-down system go to stdout.
            Console.WriteLine(text);
        }
    }

    private static string Format(LogEvent logEvent, string prefix)
    {
        var level = logEvent.LogLevel() switch
        {
            LogLevel.DebugLevel => "DEBUG",
            LogLevel.InfoLevel => "INFO",
            LogLevel.WarningLevel => "WARNING",
            _ => "ERROR",
        };
        var message = logEvent.Message is DeadLetter deadLetter
            ? $"Message [{deadLetter.Message?.GetType().Name}] from {deadLetter.Sender} to {deadLetter.Recipient} was not delivered."
            : logEvent.Message?.ToString();
        var text = string.Create(
            CultureInfo.InvariantCulture,
            $"{prefix}[{level}][{logEvent.Timestamp:yyyy-MM-dd HH:mm:ss.fff}][{logEvent.LogSource}] {message}");
        return logEvent.Cause == null ? text : text + Environment.NewLine + logEvent.Cause;
    }
}
