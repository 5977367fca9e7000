namespace Akka.Configuration.Hocon;

/// <summary>The lexical classes the HOCON tokenizer produces.</summary>
internal enum HoconTokenType
{
    EndOfFile,
    Newline,
    Whitespace,
    ObjectStart,
    ObjectEnd,
    ArrayStart,
    ArrayEnd,
    Comma,
    Assign,
    PlusAssign,
    Unquoted,
    Quoted,
    Substitution,
}
