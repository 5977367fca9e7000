namespace Akka.Configuration.Hocon;

/// <summary>A token with the 1-based position of its first character, for error messages.</summary>
internal readonly record struct HoconToken(HoconTokenType Type, string Text, int Line, int Column)
{
    internal bool IsValueText => Type is HoconTokenType.Unquoted or HoconTokenType.Quoted;

    internal string Describe() => Type switch
    {
        HoconTokenType.EndOfFile => "end of input",
        HoconTokenType.Newline => "end of line",
        HoconTokenType.Quoted => $"string \"{Text}\"",
        HoconTokenType.Substitution => "${" + Text + "}",
        _ => $"'{Text}'",
    };
}
