using Akka.Actor;

namespace Akka.Event;

/// <summary>
/// Sent by the system to each configured logger at start-up; the logger must reply
/// <see cref="LoggerInitialized.Instance"/>.
/// </summary>
public sealed class InitializeLogger : INoSerializationVerificationNeeded
{
    /// <summary>Creates the message.</summary>
    public InitializeLogger(LoggingBus loggingBus) => LoggingBus = loggingBus;

    /// <summary>The bus the logger will receive events from.</summary>
    public LoggingBus LoggingBus { get; }
}
