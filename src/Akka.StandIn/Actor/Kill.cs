namespace Akka.Actor;

/// <summary>
/// Makes the receiving actor fail with <see cref="ActorKilledException"/> when processed; the default
/// supervisor strategy then stops it.
/// </summary>
public sealed class Kill : IAutoReceivedMessage
{
    private Kill()
    {
    }

    /// <summary>The single instance.</summary>
    public static Kill Instance { get; } = new();

    /// <inheritdoc />
    public override string ToString() => "<Kill>";
}
