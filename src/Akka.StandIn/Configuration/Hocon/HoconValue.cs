using System.Globalization;
using System.Text;

namespace Akka.Configuration.Hocon;

/// <summary>
/// A node of a parsed HOCON document: an object, an array, or a scalar (possibly the concatenation of
/// several pieces written on one line). Obtained from <see cref="Config.Root"/> or <see cref="Config.GetValue"/>.
/// </summary>
public sealed partial class HoconValue
{
    internal HoconValue()
    {
        Elements = [];
    }

    internal HoconValue(IHoconElement element)
    {
        Elements = [element];
    }

    /// <summary>The pieces of this value; substitutions are replaced in place when the document is resolved.</summary>
    internal List<IHoconElement> Elements { get; }

    /// <summary>True when the value has no content, or is an object without fields.</summary>
    public bool IsEmpty =>
        Elements.Count == 0 || (TryGetObject(out var obj) && obj.Count == 0);

    /// <summary>True when the value is a scalar (text, number, boolean or <c>null</c>).</summary>
    public bool IsString() => Elements.Count > 0 && Elements.All(e => e is HoconLiteral);

    /// <summary>True when the value is an array.</summary>
    public bool IsArray() => Elements.Count > 0 && Elements.All(e => e is HoconArray);

    /// <summary>True when the value is an object.</summary>
    public bool IsObject() => Elements.Count > 0 && Elements.All(e => e is HoconObject);

    /// <summary>
    /// Reads the value as text: the concatenation of its pieces; null for the <c>null</c> literal and for anything
    /// that is not made of literals only (an object or an array), as in Akka.NET 1.5.
    /// </summary>
    public string GetString()
    {
        if (!IsString())
            return null;
        if (Elements.Count == 1 && Elements[0] is HoconLiteral { Value: null })
            return null;

        var text = new StringBuilder();
        foreach (var element in Elements)
            text.Append(((HoconLiteral)element).Value ?? "null");
        return text.ToString();
    }

    /// <summary>Renders the value as HOCON text.</summary>
    public override string ToString() => HoconRenderer.Render(this, 0);

    /// <summary>A copy whose objects and arrays are copied too (literals and substitutions are immutable and shared).</summary>
    internal HoconValue DeepCopy()
    {
        var copy = new HoconValue();
        foreach (var element in Elements)
        {
            copy.Elements.Add(element switch
            {
                HoconObject obj => obj.DeepCopy(),
                HoconArray array => new HoconArray(array.Items.Select(item => item.DeepCopy()).ToList()),
                _ => element,
            });
        }

        return copy;
    }

    /// <summary>Parse-time view: exactly one object literal, so a repeated key may merge into it.</summary>
    internal bool TryGetPlainObject(out HoconObject obj)
    {
        obj = Elements.Count == 1 ? Elements[0] as HoconObject : null;
        return obj != null;
    }

    /// <summary>Resolved view: an object, merged from several concatenated objects if needed (later ones win).</summary>
    internal bool TryGetObject(out HoconObject obj)
    {
        obj = null;
        if (Elements.Count == 0 || !Elements.All(e => e is HoconObject))
            return false;

        obj = (HoconObject)Elements[^1];
        for (var i = Elements.Count - 2; i >= 0; i--)
            obj = obj.MergeImmutable((HoconObject)Elements[i]);
        return true;
    }

    /// <summary>
    /// The array items; concatenated arrays are joined. Only array pieces contribute, as in Akka.NET 1.5: a scalar or
    /// an object reads as an empty list, not as an error.
    /// </summary>
    internal List<HoconValue> GetArray() => Elements.OfType<HoconArray>().SelectMany(a => a.Items).ToList();

    internal HoconValue GetChild(string key) => TryGetObject(out var obj) ? obj.Get(key) : null;

    // The text typed getters parse; null for an object, an array or the null literal, which the parsers then reject
    // with ArgumentNullException (booleans: NotSupportedException), as Akka.NET 1.5's do.
    internal string GetScalarForConversion() => GetString()?.Trim();

    internal static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
