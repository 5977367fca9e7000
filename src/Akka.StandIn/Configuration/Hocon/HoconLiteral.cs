namespace Akka.Configuration.Hocon;

/// <summary>A scalar: quoted or unquoted text, a number, a boolean, or the <c>null</c> literal.</summary>
internal sealed class HoconLiteral : IHoconElement
{
    internal static readonly HoconLiteral Null = new(null, quoted: false);

    internal HoconLiteral(string value, bool quoted)
    {
        Value = value;
        Quoted = quoted;
    }

    /// <summary>The text; null only for the <c>null</c> literal.</summary>
    internal string Value { get; }

    /// <summary>Whether the text came from a quoted string (rendering keeps it quoted).</summary>
    internal bool Quoted { get; }
}
