using Akka.Actor.Internal;

namespace Akka.Actor;

/// <summary>Tell and Forward with an implicit sender.</summary>
public static class ActorRefImplicitSenderExtensions
{
    /// <summary>
    /// Sends <paramref name="message"/> with the current actor as sender inside an actor; elsewhere the
    /// ambient sender (a TestKit's TestActor), else no sender.
    /// </summary>
    public static void Tell(this IActorRef receiver, object message)
    {
        ArgumentNullException.ThrowIfNull(receiver);
        receiver.Tell(message, ActorCell.Current?.Self ?? ImplicitSenderScope.Current);
    }

    /// <summary>Sends <paramref name="message"/> keeping the current message's original sender.</summary>
    public static void Forward(this IActorRef receiver, object message)
    {
        ArgumentNullException.ThrowIfNull(receiver);
        receiver.Tell(message, ActorCell.Current?.Sender ?? ImplicitSenderScope.Current);
    }
}
