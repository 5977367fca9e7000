namespace Akka.Actor;

/// <summary>Messages implementing this interface do not reset an actor's receive timeout.</summary>
public interface INotInfluenceReceiveTimeout
{
}
