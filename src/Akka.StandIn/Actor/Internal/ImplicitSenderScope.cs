namespace Akka.Actor.Internal;

/// <summary>
/// The ambient sender used by the one-argument <c>Tell</c> outside of actors. The TestKit sets it to its
/// TestActor so replies to messages sent from test code land in the test's queue; it flows across awaits.
/// </summary>
internal static class ImplicitSenderScope
{
    private static readonly AsyncLocal<IActorRef> Ambient = new();

    internal static IActorRef Current
    {
        get => Ambient.Value;
        set => Ambient.Value = value;
    }
}
