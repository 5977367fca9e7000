namespace Akka.Event;

/// <summary>
/// Messages implementing this interface are published as <see cref="SuppressedDeadLetter"/> instead of
/// <see cref="DeadLetter"/> when they cannot be delivered, so they are not logged.
/// </summary>
public interface IDeadLetterSuppression
{
}
