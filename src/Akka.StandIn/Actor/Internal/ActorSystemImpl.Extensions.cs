using System.Collections.Concurrent;

namespace Akka.Actor.Internal;

internal sealed partial class ActorSystemImpl
{
    private readonly ConcurrentDictionary<Type, Lazy<object>> _extensions = new();

    // As in Akka: one Lazy per extension type, looked up by that exact type. A creation that throws stays
    // cached, so every later lookup rethrows the same failure rather than trying again, and a null id
    // registers nothing.
    public override object RegisterExtension(IExtensionId extension)
    {
        if (extension is null)
            return null;
        _extensions.GetOrAdd(
            extension.ExtensionType,
            _ => new Lazy<object>(() => extension.CreateExtension(this), LazyThreadSafetyMode.ExecutionAndPublication));
        return extension.Get(this);
    }

    public override object GetExtension(IExtensionId extensionId)
    {
        ArgumentNullException.ThrowIfNull(extensionId);
        return _extensions.TryGetValue(extensionId.ExtensionType, out var lazy) ? lazy.Value : null;
    }

    public override T GetExtension<T>()
    {
        TryGetExtension(out T extension);
        return extension;
    }

    public override bool HasExtension(Type type) =>
        typeof(IExtension).IsAssignableFrom(type) && _extensions.ContainsKey(type);

    public override bool HasExtension<T>() => _extensions.ContainsKey(typeof(T));

    public override bool TryGetExtension<T>(out T extension)
    {
        var found = _extensions.TryGetValue(typeof(T), out var lazy);
        extension = found ? lazy.Value as T : null;
        return found;
    }
}
