using Akka.Actor;

namespace Akka.Event;

/// <summary>Creates logging adapters and converts log levels.</summary>
public static class Logging
{
    /// <summary>An adapter for the current actor: source = its path, class = its type.</summary>
    public static ILoggingAdapter GetLogger(this IActorContext context, ILogMessageFormatter logMessageFormatter = null)
    {
        ArgumentNullException.ThrowIfNull(context);
        return new BusLogging(context.System.EventStream, context.Self.Path.ToString(), context.Props?.Type ?? typeof(object), logMessageFormatter);
    }

    /// <summary>An adapter with a source derived from <paramref name="logSourceObj"/> (a string, actor ref, type, or any object).</summary>
    public static ILoggingAdapter GetLogger(ActorSystem system, object logSourceObj, ILogMessageFormatter logMessageFormatter = null)
    {
        ArgumentNullException.ThrowIfNull(system);
        var (source, type) = logSourceObj switch
        {
            null => ("null", typeof(object)),
            string s => (s, typeof(object)),
            IActorRef actor => (actor.Path.ToString(), actor.GetType()),
            IActorContext context => (context.Self.Path.ToString(), context.Props?.Type ?? typeof(object)),
            Type t => (t.FullName, t),
            _ => (logSourceObj.GetType().FullName, logSourceObj.GetType()),
        };
        return new BusLogging(system.EventStream, source, type, logMessageFormatter);
    }

    /// <summary>Parses <c>DEBUG</c>, <c>INFO</c>, <c>WARNING</c>, <c>ERROR</c> (any case); <c>OFF</c> gives a level above Error.</summary>
    /// <exception cref="ArgumentException">Unknown level.</exception>
    public static LogLevel LogLevelFor(string logLevel) => logLevel?.ToUpperInvariant() switch
    {
        "DEBUG" => LogLevel.DebugLevel,
        "INFO" => LogLevel.InfoLevel,
        "WARNING" => LogLevel.WarningLevel,
        "ERROR" => LogLevel.ErrorLevel,
        "OFF" => LogLevel.ErrorLevel + 1,
        _ => throw new ArgumentException($"Unknown LogLevel: {logLevel}", nameof(logLevel)),
    };

    /// <summary>The name of <paramref name="logLevel"/> as used in configuration and output.</summary>
    public static string StringFor(this LogLevel logLevel) => logLevel switch
    {
        LogLevel.DebugLevel => "DEBUG",
        LogLevel.InfoLevel => "INFO",
        LogLevel.WarningLevel => "WARNING",
        LogLevel.ErrorLevel => "ERROR",
        _ => "OFF",
    };
}
