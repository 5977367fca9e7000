namespace Akka.Actor;

/// <summary>Marks an actor-system extension: one instance per system, created through its <see cref="IExtensionId"/>.</summary>
public interface IExtension
{
}
