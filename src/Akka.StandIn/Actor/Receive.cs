namespace Akka.Actor;

/// <summary>A behaviour: handles <paramref name="message"/> and returns false when it does not handle it.</summary>
/// <param name="message">The message to handle.</param>
public delegate bool Receive(object message);
