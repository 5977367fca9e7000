namespace Akka.Configuration.Hocon;

/// <content>Storing a parsed field: dotted keys create objects, repeated object keys merge, scalars replace.</content>
internal sealed partial class HoconParser
{
    private static void Assign(HoconObject obj, List<string> keys, HoconValue value)
    {
        for (var i = 0; i < keys.Count - 1; i++)
        {
            var existing = obj.Get(keys[i]);
            if (existing != null && existing.TryGetPlainObject(out var child))
            {
                obj = child;
                continue;
            }

            child = new HoconObject();
            if (existing != null && existing.Elements.Any(e => e is HoconSubstitution))
            {
                // "b = ${a}" then "b.c = 1": layer the new field over the substitution, as for "b { c = 1 }".
                existing.Elements.Add(child);
                obj = child;
                continue;
            }

            obj.Set(keys[i], new HoconValue(child));
            obj = child;
        }

        var last = keys[^1];
        var previous = obj.Get(last);
        if (previous == null || !value.TryGetPlainObject(out var newObject))
            obj.Set(last, value);
        else if (previous.TryGetPlainObject(out var previousObject))
            previousObject.MergeInPlace(newObject);
        else if (previous.Elements.Any(e => e is HoconSubstitution))
            // "b = ${a}" then "b { ... }": the object is layered over the substitution once it is resolved.
            previous.Elements.Add(newObject);
        else
            obj.Set(last, value);
    }
}
