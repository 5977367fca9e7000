namespace Akka.Actor;

/// <summary>Identifies an extension of type <typeparamref name="T"/>.</summary>
public interface IExtensionId<out T> : IExtensionId where T : IExtension
{
    /// <summary>Registers (if needed) and returns the extension.</summary>
    new T Apply(ActorSystem system);

    /// <summary>Returns the registered extension, or null; does not register.</summary>
    new T Get(ActorSystem system);

    /// <summary>Creates the extension; called once per system.</summary>
    new T CreateExtension(ExtendedActorSystem system);
}
