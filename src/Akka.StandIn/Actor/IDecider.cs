namespace Akka.Actor;

/// <summary>Maps a child's failure to a <see cref="Directive"/>.</summary>
public interface IDecider
{
    /// <summary>Decides what to do about <paramref name="cause"/>.</summary>
    Directive Decide(Exception cause);
}
