using System.Collections.Concurrent;

namespace Akka.Actor.Internal;

internal sealed partial class ActorSystemImpl
{
    private readonly ConcurrentDictionary<Type, Lazy<object>> _extensions = new();

    public override object RegisterExtension(IExtensionId extension)
    {
        ArgumentNullException.ThrowIfNull(extension);
        var lazy = _extensions.GetOrAdd(
            extension.ExtensionType,
            _ => new Lazy<object>(() => extension.CreateExtension(this), LazyThreadSafetyMode.ExecutionAndPublication));
        try
        {
            return lazy.Value;
        }
        catch
        {
            // A failed creation must not stay cached: a later registration may succeed.
            _extensions.TryRemove(new KeyValuePair<Type, Lazy<object>>(extension.ExtensionType, lazy));
            throw;
        }
    }

    public override object GetExtension(IExtensionId extensionId)
    {
        ArgumentNullException.ThrowIfNull(extensionId);
        return Lookup(extensionId.ExtensionType);
    }

    public override T GetExtension<T>() => Lookup(typeof(T)) as T;

    public override bool HasExtension(Type type) => Lookup(type) is not null;

    public override bool HasExtension<T>() => HasExtension(typeof(T));

    public override bool TryGetExtension<T>(out T extension)
    {
        extension = GetExtension<T>();
        return extension is not null;
    }

    private object Lookup(Type type)
    {
        if (_extensions.TryGetValue(type, out var lazy) && lazy.IsValueCreated)
            return lazy.Value;
        foreach (var (key, value) in _extensions)
        {
            if (type.IsAssignableFrom(key) && value.IsValueCreated)
                return value.Value;
        }

        return null;
    }
}
