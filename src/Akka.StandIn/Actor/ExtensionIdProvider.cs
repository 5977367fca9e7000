namespace Akka.Actor;

/// <summary>Base for extension ids: derive, implement <see cref="CreateExtension"/>, and use <see cref="Apply"/>.</summary>
public abstract class ExtensionIdProvider<T> : IExtensionId<T> where T : IExtension
{
    /// <summary>typeof(<typeparamref name="T"/>).</summary>
    public Type ExtensionType => typeof(T);

    /// <summary>Registers (once per system) and returns the extension.</summary>
    public T Apply(ActorSystem system) => (T)system.RegisterExtension(this);

    /// <summary>Returns the registered extension; null (default) if it is not registered yet. Does not register.</summary>
    public T Get(ActorSystem system) => system.GetExtension(this) is T t ? t : default;

    /// <summary>Creates the extension for <paramref name="system"/>.</summary>
    public abstract T CreateExtension(ExtendedActorSystem system);

    object IExtensionId.Apply(ActorSystem system) => Apply(system);

    object IExtensionId.Get(ActorSystem system) => Get(system);

    object IExtensionId.CreateExtension(ExtendedActorSystem system) => CreateExtension(system);

    /// <inheritdoc />
    public override bool Equals(object obj) => obj is ExtensionIdProvider<T>;

    /// <inheritdoc />
    public override int GetHashCode() => typeof(T).GetHashCode();
}
