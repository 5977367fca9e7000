using Akka.Event;

namespace Akka.Actor;

/// <summary>
/// Stops the receiving actor once every message queued before it has been processed. It never reaches
/// the actor's receive.
/// </summary>
public sealed class PoisonPill : IAutoReceivedMessage, IPossiblyHarmful, IDeadLetterSuppression
{
    private PoisonPill()
    {
    }

    /// <summary>The single instance.</summary>
    public static PoisonPill Instance { get; } = new();

    /// <inheritdoc />
    public override string ToString() => "<PoisonPill>";
}
