using Akka.Configuration;
using Akka.Event;

namespace Akka.Actor.Internal;

internal sealed partial class ActorSystemImpl
{
    private static readonly (LogLevel Level, Type Type)[] LevelClasses =
    {
        (LogLevel.DebugLevel, typeof(Debug)),
        (LogLevel.InfoLevel, typeof(Info)),
        (LogLevel.WarningLevel, typeof(Warning)),
        (LogLevel.ErrorLevel, typeof(Error)),
    };

    /// <summary>Resolves "Type, Assembly" (or a bare full name) against loaded assemblies too.</summary>
    internal static Type ResolveType(string name)
    {
        var type = Type.GetType(name, throwOnError: false);
        if (type is not null)
            return type;
        var fullName = name.Split(',')[0].Trim();
        foreach (var assembly in AppDomain.CurrentDomain.GetAssemblies())
        {
            type = assembly.GetType(fullName, throwOnError: false);
            if (type is not null)
                return type;
        }

        return null;
    }

    private void StartLoggers()
    {
        var index = 0;
        foreach (var name in Settings.Loggers)
        {
            var type = ResolveType(name)
                ?? throw new ConfigurationException($"Logger specified in config cannot be found: \"{name}\"");
            var logger = SystemActorOf(Props.Create(type), $"log{++index}-{type.Name}");
            object reply;
            try
            {
                reply = logger.Ask(new InitializeLogger(EventStream), Settings.LoggerStartTimeout).GetAwaiter().GetResult();
            }
            catch (AskTimeoutException e)
            {
                throw new ConfigurationException($"Logger {name} did not respond to InitializeLogger within {Settings.LoggerStartTimeout}", e);
            }

            if (reply is not LoggerInitialized)
                throw new ConfigurationException($"Logger {name} replied {reply} instead of LoggerInitialized");
            foreach (var (level, eventType) in LevelClasses)
            {
                if (level >= EventStream.LogLevel)
                    EventStream.Subscribe(logger, eventType);
            }
        }
    }

    private void LoadConfiguredExtensions()
    {
        foreach (var name in Settings.Config.GetStringList("akka.extensions"))
        {
            var type = ResolveType(name)
                ?? throw new ConfigurationException($"Extension specified in config cannot be found: \"{name}\"");
            if (Activator.CreateInstance(type) is not IExtensionId id)
                throw new ConfigurationException($"Extension {name} is not an IExtensionId");
            RegisterExtension(id);
        }
    }
}
