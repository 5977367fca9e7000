using System.Text;

namespace Akka.Configuration.Hocon;

/// <summary>Renders values as HOCON-like text the way Akka 1.5 prints a Config (not guaranteed to parse back).</summary>
internal static class HoconRenderer
{
    internal static string Render(HoconValue value, int indent)
    {
        var text = new StringBuilder();
        Append(text, value, indent);
        return text.ToString();
    }

    internal static string RenderFields(HoconObject obj, int indent)
    {
        var text = new StringBuilder();
        AppendFields(text, obj, indent);
        return text.ToString();
    }

    private static void Append(StringBuilder text, HoconValue value, int indent)
    {
        if (value.TryGetObject(out var obj))
        {
            text.Append("{\n");
            AppendFields(text, obj, indent + 1);
            text.Append(' ', indent * 2).Append('}');
        }
        else if (value.IsArray())
        {
            var items = value.GetArray();
            text.Append('[');
            for (var i = 0; i < items.Count; i++)
            {
                if (i > 0)
                    text.Append(", ");
                Append(text, items[i], indent);
            }

            text.Append(']');
        }
        else if (value.IsString())
        {
            text.Append(Quote(value.GetString()));
        }
        else
        {
            // Mixed concatenations cannot be read; render their pieces so a message still shows them.
            text.AppendJoin(' ', value.Elements.Select(e => e.GetType().Name));
        }
    }

    private static void AppendFields(StringBuilder text, HoconObject obj, int indent)
    {
        foreach (var (key, field) in obj.Fields)
        {
            text.Append(' ', indent * 2).Append(Quote(key)).Append(" : ");
            Append(text, field, indent);
            text.Append('\n');
        }
    }

    // Akka 1.5 renders keys and string values bare unless they contain a space, a tab or a colon, and then
    // wraps them in quotes without escaping; a null value renders as nothing. Mirrored so printed configs
    // (and anything asserted on them) read the same on both sides, even where that loses a quoted key's dots.
    private static string Quote(string text)
    {
        if (text == null)
            return string.Empty;
        return text.AsSpan().IndexOfAny(" \t:") >= 0 ? "\"" + text + "\"" : text;
    }
}
