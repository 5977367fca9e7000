namespace Akka.Actor;

/// <summary>Extension lookup helpers.</summary>
public static class ActorSystemWithExtensions
{
    /// <summary>The registered extension of type <typeparamref name="T"/>, or null (does not register).</summary>
    public static T WithExtension<T>(this ActorSystem system) where T : class, IExtension => system.GetExtension<T>();

    /// <summary>Registers (idempotent) and returns the extension created by the id type <typeparamref name="TI"/>.</summary>
    public static T WithExtension<T, TI>(this ActorSystem system) where T : class, IExtension where TI : IExtensionId =>
        (T)system.RegisterExtension((IExtensionId)Activator.CreateInstance(typeof(TI)));

    /// <summary>Registers (idempotent) and returns the extension created by the id type <paramref name="extensionId"/>.</summary>
    public static T WithExtension<T>(this ActorSystem system, Type extensionId) where T : class, IExtension =>
        (T)system.RegisterExtension((IExtensionId)Activator.CreateInstance(extensionId));
}
