using System.Text;

namespace Akka.Configuration.Hocon;

/// <summary>Splits dotted paths such as <c>a."b.c".d</c> into their keys.</summary>
internal static class HoconPath
{
    /// <exception cref="ArgumentNullException"><paramref name="path"/> is null.</exception>
    /// <exception cref="FormatException">The path has an empty segment or an unterminated quote.</exception>
    internal static List<string> Split(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var keys = new List<string>();
        var current = new StringBuilder();
        var quotedSegment = false;
        for (var i = 0; i < path.Length; i++)
        {
            var c = path[i];
            if (c == '"')
            {
                var end = path.IndexOf('"', i + 1);
                if (end < 0)
                    throw new FormatException("Unterminated quote in path: " + path);
                current.Append(path, i + 1, end - i - 1);
                quotedSegment = true;
                i = end;
            }
            else if (c == '.')
            {
                AddKey(keys, current, quotedSegment, path);
                quotedSegment = false;
            }
            else
            {
                current.Append(c);
            }
        }

        AddKey(keys, current, quotedSegment, path);
        return keys;
    }

    private static void AddKey(List<string> keys, StringBuilder current, bool quoted, string path)
    {
        var key = quoted ? current.ToString() : current.ToString().Trim();
        if (key.Length == 0 && !quoted)
            throw new FormatException("Empty key in path: '" + path + "'");
        keys.Add(key);
        current.Clear();
    }

    /// <summary>Walks <paramref name="keys"/> from <paramref name="root"/>; null when any step is missing or not an object.</summary>
    internal static HoconValue Find(HoconValue root, IReadOnlyList<string> keys)
    {
        var node = root;
        foreach (var key in keys)
        {
            node = node?.GetChild(key);
            if (node == null)
                return null;
        }

        return node;
    }
}
