namespace Akka.Configuration.Hocon;

/// <summary>A <c>${path}</c> reference, replaced by the referenced value once the whole document is parsed.</summary>
internal sealed class HoconSubstitution : IHoconElement
{
    internal HoconSubstitution(string path, int line, int column)
    {
        Path = path;
        Line = line;
        Column = column;
    }

    internal string Path { get; }

    internal int Line { get; }

    internal int Column { get; }
}
