namespace Akka.Actor;

/// <summary>A behaviour that handles every message (it must call <c>Unhandled</c> itself).</summary>
/// <param name="message">The message to handle.</param>
public delegate void UntypedReceive(object message);
