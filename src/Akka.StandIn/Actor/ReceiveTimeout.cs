namespace Akka.Actor;

/// <summary>
/// Sent by the runtime to an actor (with the actor itself as sender) after it has been idle for the
/// duration given to <c>SetReceiveTimeout</c>.
/// </summary>
public class ReceiveTimeout : IPossiblyHarmful
{
    private ReceiveTimeout()
    {
    }

    /// <summary>The single instance.</summary>
    public static ReceiveTimeout Instance { get; } = new();

    /// <inheritdoc />
    public override string ToString() => "<ReceiveTimeout>";
}
