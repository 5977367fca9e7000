namespace Akka.Configuration.Hocon;

/// <summary>
/// A set of fields in declaration order. Mutated only while its document is being parsed or resolved;
/// afterwards configuration merges build new objects instead (<see cref="MergeImmutable"/>), so a parsed
/// <see cref="Config"/> can be shared between threads.
/// </summary>
internal sealed class HoconObject : IHoconElement
{
    private readonly Dictionary<string, HoconValue> _fields = new(StringComparer.Ordinal);
    private readonly List<string> _order = [];

    internal int Count => _order.Count;

    internal IEnumerable<KeyValuePair<string, HoconValue>> Fields
    {
        get
        {
            foreach (var key in _order)
                yield return new KeyValuePair<string, HoconValue>(key, _fields[key]);
        }
    }

    internal HoconValue Get(string key) => _fields.TryGetValue(key, out var value) ? value : null;

    internal void Set(string key, HoconValue value)
    {
        if (!_fields.ContainsKey(key))
            _order.Add(key);
        _fields[key] = value;
    }

    /// <summary>Parse-time merge of a repeated object key: fields of <paramref name="other"/> win, objects merge deeply.</summary>
    internal void MergeInPlace(HoconObject other)
    {
        foreach (var (key, incoming) in other.Fields)
        {
            var existing = Get(key);
            if (existing != null && existing.TryGetPlainObject(out var existingObject) && incoming.TryGetPlainObject(out var incomingObject))
                existingObject.MergeInPlace(incomingObject);
            else
                Set(key, incoming);
        }
    }

    /// <summary>A copy sharing no mutable node with this object, so parse-time merges into it leave the original alone.</summary>
    internal HoconObject DeepCopy()
    {
        var copy = new HoconObject();
        foreach (var (key, value) in Fields)
            copy.Set(key, value.DeepCopy());
        return copy;
    }

    /// <summary>Returns a new object holding this object's fields over <paramref name="fallback"/>'s; neither input changes.</summary>
    internal HoconObject MergeImmutable(HoconObject fallback)
    {
        var result = new HoconObject();
        foreach (var (key, value) in Fields)
        {
            var below = fallback.Get(key);
            if (below != null && value.TryGetObject(out var mine) && below.TryGetObject(out var theirs))
                result.Set(key, new HoconValue(mine.MergeImmutable(theirs)));
            else
                result.Set(key, value);
        }

        foreach (var (key, value) in fallback.Fields)
        {
            if (result.Get(key) == null)
                result.Set(key, value);
        }

        return result;
    }
}
