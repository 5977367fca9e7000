namespace Akka.Configuration.Hocon;

/// <summary>
/// Replaces every <c>${path}</c> with the referenced value, looked up in the same document only (never in a
/// fallback configuration), after the whole document has been parsed, so a reference sees the final value.
/// </summary>
internal sealed class HoconResolver
{
    private readonly HoconValue _root;
    private readonly HashSet<HoconValue> _resolved = new(ReferenceEqualityComparer.Instance);
    private readonly HashSet<HoconValue> _resolving = new(ReferenceEqualityComparer.Instance);

    private HoconResolver(HoconValue root)
    {
        _root = root;
    }

    /// <exception cref="FormatException">A substitution names a missing path or refers back to itself.</exception>
    internal static void Resolve(HoconValue root) => new HoconResolver(root).ResolveValue(root);

    private void ResolveValue(HoconValue value)
    {
        if (_resolved.Contains(value))
            return;
        if (!_resolving.Add(value))
            throw new FormatException("Cyclic substitution involving: " + value);

        for (var i = 0; i < value.Elements.Count; i++)
        {
            if (value.Elements[i] is not HoconSubstitution substitution)
                continue;
            var target = Lookup(substitution);
            value.Elements.RemoveAt(i);
            value.Elements.InsertRange(i, target.Elements);
            i += target.Elements.Count - 1;
        }

        foreach (var element in value.Elements)
        {
            switch (element)
            {
                case HoconObject obj:
                    foreach (var (_, field) in obj.Fields.ToList())
                        ResolveValue(field);
                    break;
                case HoconArray array:
                    foreach (var item in array.Items)
                        ResolveValue(item);
                    break;
            }
        }

        _resolving.Remove(value);
        _resolved.Add(value);
    }

    private HoconValue Lookup(HoconSubstitution substitution)
    {
        List<string> keys;
        try
        {
            keys = HoconPath.Split(substitution.Path);
        }
        catch (FormatException e)
        {
            throw HoconTokenizer.Error(e.Message, substitution.Line, substitution.Column);
        }

        var node = _root;
        foreach (var key in keys)
        {
            // An intermediate node may itself be a substitution; resolve it before stepping into it.
            if (_resolving.Contains(node) && node.Elements.Any(e => e is HoconSubstitution))
                throw HoconTokenizer.Error("Cyclic substitution ${" + substitution.Path + "}", substitution.Line, substitution.Column);
            if (node.Elements.Any(e => e is HoconSubstitution))
                ResolveValue(node);
            node = node.GetChild(key);
            if (node == null)
                throw HoconTokenizer.Error("Unresolved substitution: " + substitution.Path, substitution.Line, substitution.Column);
        }

        if (_resolving.Contains(node))
            throw HoconTokenizer.Error("Cyclic substitution ${" + substitution.Path + "}", substitution.Line, substitution.Column);
        ResolveValue(node);
        return node;
    }
}
