using Akka.Configuration;

namespace Akka.Actor;

/// <summary>The actor system's settings, read once from its merged configuration.</summary>
public class Settings
{
    /// <summary>Reads the settings from <paramref name="config"/> (user configuration over the built-in defaults).</summary>
    public Settings(ActorSystem system, Config config)
    {
        ArgumentNullException.ThrowIfNull(config);
        System = system;
        Config = config;
        LogLevel = config.GetString("akka.loglevel", "INFO");
        Loggers = config.GetStringList("akka.loggers").ToArray();
        LoggerStartTimeout = config.GetTimeSpan("akka.logger-startup-timeout", TimeSpan.FromSeconds(5));
        LogDeadLetters = ParseLogDeadLetters(config.GetString("akka.log-dead-letters", "10"));
        LogDeadLettersDuringShutdown = config.GetBoolean("akka.log-dead-letters-during-shutdown");
        AskTimeout = config.GetTimeSpan("akka.actor.ask-timeout", Timeout.InfiniteTimeSpan, allowInfinite: true);
        CreationTimeout = config.GetTimeSpan("akka.actor.creation-timeout", TimeSpan.FromSeconds(20));
        DebugUnhandledMessage = config.GetBoolean("akka.actor.debug.unhandled");
        SchedulerTickDuration = config.GetTimeSpan("akka.scheduler.tick-duration", TimeSpan.FromMilliseconds(10));
    }

    /// <summary>The actor system.</summary>
    public ActorSystem System { get; }

    /// <summary>The merged configuration: user keys first, then the built-in defaults.</summary>
    public Config Config { get; }

    /// <summary><c>akka.loglevel</c>.</summary>
    public string LogLevel { get; }

    /// <summary><c>akka.loggers</c>: assembly-qualified logger type names.</summary>
    public IList<string> Loggers { get; }

    /// <summary><c>akka.logger-startup-timeout</c>.</summary>
    public TimeSpan LoggerStartTimeout { get; }

    /// <summary><c>akka.log-dead-letters</c>: how many dead letters are logged (on = unlimited, off = 0).</summary>
    public int LogDeadLetters { get; }

    /// <summary><c>akka.log-dead-letters-during-shutdown</c>.</summary>
    public bool LogDeadLettersDuringShutdown { get; }

    /// <summary><c>akka.actor.ask-timeout</c>: used by Ask without a timeout; infinite by default.</summary>
    public TimeSpan AskTimeout { get; }

    /// <summary><c>akka.actor.creation-timeout</c>.</summary>
    public TimeSpan CreationTimeout { get; }

    /// <summary><c>akka.actor.debug.unhandled</c>: also log unhandled messages at Debug.</summary>
    public bool DebugUnhandledMessage { get; }

    /// <summary><c>akka.scheduler.tick-duration</c>.</summary>
    public TimeSpan SchedulerTickDuration { get; }

    private static int ParseLogDeadLetters(string value) => value?.ToLowerInvariant() switch
    {
        null or "off" or "false" => 0,
        "on" or "true" => int.MaxValue,
        _ => int.TryParse(value, out var n) ? Math.Max(0, n) : throw new ConfigurationException(
            $"akka.log-dead-letters must be on, off or a number, not '{value}'"),
    };
}
