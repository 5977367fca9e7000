using System.Globalization;
using System.Text;

namespace Akka.Configuration.Hocon;

/// <summary>
/// Splits HOCON text into tokens. Comments are dropped (their line end is kept), whitespace inside a
/// line is kept as a token because unquoted value concatenation preserves it.
/// </summary>
internal sealed class HoconTokenizer
{
    // Characters that end unquoted text; the same set Akka.NET 1.5's tokenizer stops at.
    private const string NotInUnquotedText = "$\"{}[]:=,#`^?!@*&\\";

    private readonly string _text;
    private int _index;
    private int _line = 1;
    private int _column = 1;

    private HoconTokenizer(string text)
    {
        _text = text;
    }

    /// <exception cref="FormatException">The text contains an invalid token; the message names line and column.</exception>
    internal static List<HoconToken> Tokenize(string text)
    {
        var tokenizer = new HoconTokenizer(text);
        var tokens = new List<HoconToken>();
        HoconToken token;
        do
        {
            token = tokenizer.Next();
            tokens.Add(token);
        }
        while (token.Type != HoconTokenType.EndOfFile);
        return tokens;
    }

    internal static FormatException Error(string message, int line, int column) =>
        new(string.Create(CultureInfo.InvariantCulture, $"{message} at line {line}, column {column}"));

    private bool AtEnd => _index >= _text.Length;

    private char Peek(int ahead = 0) => _index + ahead < _text.Length ? _text[_index + ahead] : '\0';

    private bool Matches(string s) => string.CompareOrdinal(_text, _index, s, 0, s.Length) == 0;

    private char Take()
    {
        var c = _text[_index++];
        if (c == '\n')
        {
            _line++;
            _column = 1;
        }
        else
        {
            _column++;
        }

        return c;
    }

    private void Skip(int count)
    {
        for (var i = 0; i < count; i++)
            Take();
    }

    private HoconToken Next()
    {
        var line = _line;
        var column = _column;
        HoconToken Make(HoconTokenType type, string text) => new(type, text, line, column);

        if (AtEnd)
            return Make(HoconTokenType.EndOfFile, "");

        if (Peek() == '#' || Matches("//"))
        {
            while (!AtEnd && Peek() != '\n')
                Take();
            return Next();
        }

        var c = Peek();
        if (c == '\n')
        {
            Take();
            return Make(HoconTokenType.Newline, "\n");
        }

        if (IsInlineWhitespace(c))
        {
            var start = _index;
            while (!AtEnd && IsInlineWhitespace(Peek()))
                Take();
            return Make(HoconTokenType.Whitespace, _text[start.._index]);
        }

        switch (c)
        {
            case '{': Take(); return Make(HoconTokenType.ObjectStart, "{");
            case '}': Take(); return Make(HoconTokenType.ObjectEnd, "}");
            case '[': Take(); return Make(HoconTokenType.ArrayStart, "[");
            case ']': Take(); return Make(HoconTokenType.ArrayEnd, "]");
            case ',': Take(); return Make(HoconTokenType.Comma, ",");
            case '=':
            case ':': Take(); return Make(HoconTokenType.Assign, c.ToString());
            case '"':
                return Matches("\"\"\"")
                    ? Make(HoconTokenType.Quoted, ReadTripleQuoted(line, column))
                    : Make(HoconTokenType.Quoted, ReadQuoted(line, column));
            case '$':
                return Make(HoconTokenType.Substitution, ReadSubstitution(line, column));
            case '+' when Peek(1) == '=':
                Skip(2);
                return Make(HoconTokenType.PlusAssign, "+=");
        }

        if (NotInUnquotedText.Contains(c, StringComparison.Ordinal))
            throw Error($"Unexpected character '{c}'", line, column);

        var begin = _index;
        while (!AtEnd && IsUnquotedChar(Peek()) && !Matches("//") && !(Peek() == '+' && Peek(1) == '='))
            Take();
        return Make(HoconTokenType.Unquoted, _text[begin.._index]);
    }

    private static bool IsInlineWhitespace(char c) => c != '\n' && (char.IsWhiteSpace(c) || c == '\uFEFF');

    private static bool IsUnquotedChar(char c) =>
        !char.IsWhiteSpace(c) && c != '\uFEFF' && !NotInUnquotedText.Contains(c, StringComparison.Ordinal);

    private string ReadTripleQuoted(int line, int column)
    {
        Skip(3);
        var start = _index;
        while (!Matches("\"\"\""))
        {
            if (AtEnd)
                throw Error("Unterminated triple-quoted string", line, column);
            Take();
        }

        // Extra quotes just before the closing delimiter belong to the string.
        while (Peek(3) == '"')
            Take();
        var value = _text[start.._index];
        Skip(3);
        return value;
    }

    private string ReadQuoted(int line, int column)
    {
        Take();
        var text = new StringBuilder();
        while (true)
        {
            if (AtEnd || Peek() == '\n')
                throw Error("Unterminated quoted string", line, column);
            var c = Take();
            if (c == '"')
                return text.ToString();
            if (c != '\\')
            {
                text.Append(c);
                continue;
            }

            var escapeLine = _line;
            var escapeColumn = _column - 1;
            if (AtEnd)
                throw Error("Unterminated quoted string", line, column);
            var e = Take();
            switch (e)
            {
                case '"': text.Append('"'); break;
                case '\\': text.Append('\\'); break;
                case '/': text.Append('/'); break;
                case 'b': text.Append('\b'); break;
                case 'f': text.Append('\f'); break;
                case 'n': text.Append('\n'); break;
                case 'r': text.Append('\r'); break;
                case 't': text.Append('\t'); break;
                case 'u':
                    if (_index + 4 > _text.Length
                        || !int.TryParse(_text.AsSpan(_index, 4), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var code))
                        throw Error("Invalid unicode escape", escapeLine, escapeColumn);
                    Skip(4);
                    text.Append((char)code);
                    break;
                default:
                    throw Error($"Invalid escape sequence '\\{e}'", escapeLine, escapeColumn);
            }
        }
    }

    private string ReadSubstitution(int line, int column)
    {
        if (Peek(1) != '{')
            throw Error("Unexpected character '$'", line, column);
        if (Peek(2) == '?')
            throw Error("Optional substitutions ${?...} are not supported", line, column);
        Skip(2);
        var start = _index;
        while (!AtEnd && Peek() != '}' && Peek() != '\n')
            Take();
        if (Peek() != '}')
            throw Error("Unterminated substitution", line, column);
        var path = _text[start.._index].Trim();
        Take();
        if (path.Length == 0)
            throw Error("Empty substitution", line, column);
        return path;
    }
}
