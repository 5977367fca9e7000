namespace Akka.Actor;

public abstract partial class ActorSystem
{
    /// <summary>Registers (once; idempotent) and returns the extension of <paramref name="extension"/>.</summary>
    public abstract object RegisterExtension(IExtensionId extension);

    /// <summary>The registered extension of <paramref name="extensionId"/>, or null.</summary>
    public abstract object GetExtension(IExtensionId extensionId);

    /// <summary>The registered extension of type <typeparamref name="T"/>, or null.</summary>
    public abstract T GetExtension<T>() where T : class, IExtension;

    /// <summary>True when an extension of <paramref name="type"/> is registered.</summary>
    public abstract bool HasExtension(Type type);

    /// <summary>True when an extension of type <typeparamref name="T"/> is registered.</summary>
    public abstract bool HasExtension<T>() where T : class, IExtension;

    /// <summary>Looks up a registered extension of type <typeparamref name="T"/>.</summary>
    public abstract bool TryGetExtension<T>(out T extension) where T : class, IExtension;
}
