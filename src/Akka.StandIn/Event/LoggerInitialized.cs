using Akka.Actor;

namespace Akka.Event;

/// <summary>A logger's reply to <see cref="InitializeLogger"/>.</summary>
public sealed class LoggerInitialized : INoSerializationVerificationNeeded
{
    private LoggerInitialized()
    {
    }

    /// <summary>The single instance.</summary>
    public static LoggerInitialized Instance { get; } = new();
}
