namespace Akka.Actor;

/// <summary>A message that carries another message.</summary>
public interface IWrappedMessage
{
    /// <summary>The carried message.</summary>
    object Message { get; }
}
