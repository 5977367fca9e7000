namespace Akka.Actor;

/// <summary>Something a message can be sent to.</summary>
public interface ICanTell
{
    /// <summary>Sends <paramref name="message"/> asynchronously, at most once.</summary>
    /// <param name="message">The message; null throws <see cref="ArgumentNullException"/> for local actors.</param>
    /// <param name="sender">The sender the receiver sees; null means none (the receiver sees dead letters).</param>
    void Tell(object message, IActorRef sender);
}
