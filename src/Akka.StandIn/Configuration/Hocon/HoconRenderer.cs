using System.Globalization;
using System.Text;

namespace Akka.Configuration.Hocon;

/// <summary>Renders values back to HOCON text, quoting strings that would not survive as unquoted text.</summary>
internal static class HoconRenderer
{
    private const string Special = "$\"{}[]:=,#`^?!@*&\\+/";

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
            var scalar = value.GetString();
            var quoted = value.Elements.Count != 1 || ((HoconLiteral)value.Elements[0]).Quoted;
            text.Append(scalar == null ? "null" : Quote(scalar, quoted, isKey: false));
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
            text.Append(' ', indent * 2).Append(Quote(key, quoted: false, isKey: true)).Append(" : ");
            Append(text, field, indent);
            text.Append('\n');
        }
    }

    private static string Quote(string text, bool quoted, bool isKey)
    {
        var needsQuotes = quoted || text.Length == 0 || text == "null" || text.Any(c => char.IsWhiteSpace(c) || Special.Contains(c, StringComparison.Ordinal) || (isKey && c == '.'));
        if (!needsQuotes)
            return text;

        var result = new StringBuilder("\"");
        foreach (var c in text)
        {
            switch (c)
            {
                case '"': result.Append("\\\""); break;
                case '\\': result.Append("\\\\"); break;
                case '\n': result.Append("\\n"); break;
                case '\r': result.Append("\\r"); break;
                case '\t': result.Append("\\t"); break;
                default:
                    if (char.IsControl(c))
                        result.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    else
                        result.Append(c);
                    break;
            }
        }

        return result.Append('"').ToString();
    }
}
