namespace Akka.Actor;

/// <summary>Identifies an extension and creates it.</summary>
public interface IExtensionId
{
    /// <summary>Registers (if needed) and returns the extension.</summary>
    object Apply(ActorSystem system);

    /// <summary>Returns the registered extension, or null; does not register.</summary>
    object Get(ActorSystem system);

    /// <summary>Creates the extension; called once per system.</summary>
    object CreateExtension(ExtendedActorSystem system);

    /// <summary>The extension's type (the registry key).</summary>
    Type ExtensionType { get; }
}
