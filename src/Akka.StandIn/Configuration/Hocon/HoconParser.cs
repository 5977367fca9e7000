using System.Text;

namespace Akka.Configuration.Hocon;

/// <summary>
/// Recursive-descent parser for the HOCON subset Akka.NET 1.5's built-in parser accepts. Anything outside
/// it (optional substitutions, <c>+=</c>, includes without a callback) fails with a
/// <see cref="FormatException"/> naming line and column, never silently.
/// </summary>
internal sealed partial class HoconParser
{
    private readonly List<HoconToken> _tokens;
    private readonly Func<string, HoconRoot> _includeCallback;
    // Deeper documents are rejected instead of risking a stack overflow, which would kill the process.
    private const int MaxNesting = 256;

    private int _position;
    private int _depth;

    private HoconParser(List<HoconToken> tokens, Func<string, HoconRoot> includeCallback)
    {
        _tokens = tokens;
        _includeCallback = includeCallback;
    }

    private HoconToken Current => _tokens[_position];

    /// <exception cref="FormatException">The text is malformed, uses unsupported syntax, or has an unresolved substitution.</exception>
    internal static HoconRoot Parse(string text, Func<string, HoconRoot> includeCallback)
    {
        ArgumentNullException.ThrowIfNull(text);
        var parser = new HoconParser(HoconTokenizer.Tokenize(text), includeCallback);
        var root = new HoconValue(parser.ParseDocument());
        HoconResolver.Resolve(root);
        return new HoconRoot(root);
    }

    private static FormatException Error(string message, HoconToken at) =>
        HoconTokenizer.Error(message, at.Line, at.Column);

    private HoconToken Take() => _tokens[_position++];

    private void SkipWhitespace()
    {
        while (Current.Type == HoconTokenType.Whitespace)
            _position++;
    }

    private void SkipBlank()
    {
        while (Current.Type is HoconTokenType.Whitespace or HoconTokenType.Newline)
            _position++;
    }

    private HoconObject ParseDocument()
    {
        SkipBlank();
        HoconObject root;
        if (Current.Type == HoconTokenType.ObjectStart)
        {
            root = ParseObject();
            SkipBlank();
            if (Current.Type != HoconTokenType.EndOfFile)
                throw Error("Expected end of input but found " + Current.Describe(), Current);
        }
        else
        {
            root = new HoconObject();
            ParseFields(root, braced: false, opening: Current);
        }

        return root;
    }

    private HoconObject ParseObject()
    {
        var opening = Take();
        Enter(opening);
        var obj = new HoconObject();
        ParseFields(obj, braced: true, opening);
        _depth--;
        return obj;
    }

    private void Enter(HoconToken opening)
    {
        if (++_depth > MaxNesting)
            throw Error($"Objects and arrays nested deeper than {MaxNesting} levels", opening);
    }

    private void ParseFields(HoconObject obj, bool braced, HoconToken opening)
    {
        while (true)
        {
            while (Current.Type is HoconTokenType.Whitespace or HoconTokenType.Newline or HoconTokenType.Comma)
                _position++;

            var token = Current;
            switch (token.Type)
            {
                case HoconTokenType.ObjectEnd when braced:
                    _position++;
                    return;
                case HoconTokenType.EndOfFile when !braced:
                    return;
                case HoconTokenType.EndOfFile:
                    throw Error("Unterminated object: expected '}' for the '{'", opening);
                case HoconTokenType.Unquoted when token.Text == "include" && IsIncludeDirective():
                    ParseInclude(obj);
                    continue;
            }

            var keys = ParseKey();
            SkipWhitespace();
            var separator = Current;
            switch (separator.Type)
            {
                case HoconTokenType.Assign:
                    _position++;
                    break;
                case HoconTokenType.ObjectStart:
                    break;
                case HoconTokenType.PlusAssign:
                    throw Error("'+=' is not supported", separator);
                default:
                    throw Error($"Expected '=', ':' or '{{' after key '{string.Join('.', keys)}' but found {separator.Describe()}", separator);
            }

            var value = ParseValue(inArray: false);
            var end = Current;
            if (end.Type is HoconTokenType.ArrayEnd or HoconTokenType.Assign or HoconTokenType.PlusAssign
                || (end.Type == HoconTokenType.ObjectEnd && !braced))
                throw Error("Unexpected " + end.Describe(), end);
            Assign(obj, keys, value);
        }
    }

    private bool IsIncludeDirective()
    {
        var next = _position + 1;
        while (_tokens[next].Type == HoconTokenType.Whitespace)
            next++;
        return _tokens[next].Type is HoconTokenType.Quoted or HoconTokenType.Unquoted;
    }

    private void ParseInclude(HoconObject obj)
    {
        var directive = Take();
        SkipWhitespace();
        var target = Current;
        if (target.Type != HoconTokenType.Quoted)
            throw Error("Only include \"name\" is supported, not " + target.Describe(), target);
        if (_includeCallback == null)
            throw Error("include is only supported through ParseString(hocon, includeCallback)", directive);
        _position++;
        var included = _includeCallback(target.Text)
            ?? throw Error($"The include callback returned nothing for \"{target.Text}\"", target);
        if (!included.Value.TryGetObject(out var includedObject))
            throw Error($"The included document \"{target.Text}\" is not an object", target);
        // Copy: later fields of this document merge into included objects in place, and the callback's
        // document (possibly a cached Config) must not change.
        obj.MergeInPlace(includedObject.DeepCopy());
    }

    private List<string> ParseKey()
    {
        var start = Current;
        if (!start.IsValueText)
            throw Error("Expected a key but found " + start.Describe(), start);

        var keys = new List<string>();
        var current = new StringBuilder();
        var hasQuotedPart = false;
        while (Current.IsValueText)
        {
            var token = Take();
            if (token.Type == HoconTokenType.Quoted)
            {
                current.Append(token.Text);
                hasQuotedPart = true;
                continue;
            }

            for (var i = 0; i < token.Text.Length; i++)
            {
                if (token.Text[i] != '.')
                {
                    current.Append(token.Text[i]);
                    continue;
                }

                if (current.Length == 0 && !hasQuotedPart)
                    throw HoconTokenizer.Error("Empty key segment", token.Line, token.Column + i);
                keys.Add(current.ToString());
                current.Clear();
                hasQuotedPart = false;
            }
        }

        if (current.Length == 0 && !hasQuotedPart)
            throw Error("Key ends with '.'", start);
        keys.Add(current.ToString());
        if (_depth + keys.Count > MaxNesting)
            throw Error($"Objects and arrays nested deeper than {MaxNesting} levels", start);
        return keys;
    }

    private HoconValue ParseValue(bool inArray)
    {
        SkipBlank();
        var value = new HoconValue();
        string pendingWhitespace = null;
        while (true)
        {
            var token = Current;
            switch (token.Type)
            {
                case HoconTokenType.Whitespace:
                    pendingWhitespace = token.Text;
                    _position++;
                    continue;
                case HoconTokenType.Unquoted:
                case HoconTokenType.Quoted:
                case HoconTokenType.Substitution:
                    // Whitespace between two pieces of one value is part of the value; around it, it is not.
                    if (pendingWhitespace != null && value.Elements.Count > 0)
                        value.Elements.Add(new HoconLiteral(pendingWhitespace, quoted: true));
                    _position++;
                    value.Elements.Add(token.Type == HoconTokenType.Substitution
                        ? new HoconSubstitution(token.Text, token.Line, token.Column)
                        : new HoconLiteral(token.Text, token.Type == HoconTokenType.Quoted));
                    break;
                case HoconTokenType.ObjectStart:
                    value.Elements.Add(ParseObject());
                    break;
                case HoconTokenType.ArrayStart:
                    value.Elements.Add(ParseArray());
                    break;
                default:
                    if (value.Elements.Count == 0)
                        throw Error("Expected a value but found " + token.Describe(), token);
                    if (inArray && token.Type == HoconTokenType.ObjectEnd)
                        throw Error("Expected ',' or ']' but found '}'", token);
                    if (value.Elements is [HoconLiteral { Quoted: false, Value: "null" }])
                        value.Elements[0] = HoconLiteral.Null;
                    return value;
            }

            pendingWhitespace = null;
        }
    }

    private HoconArray ParseArray()
    {
        var opening = Take();
        Enter(opening);
        var items = new List<HoconValue>();
        while (true)
        {
            SkipBlank();
            switch (Current.Type)
            {
                case HoconTokenType.ArrayEnd:
                    _position++;
                    _depth--;
                    return new HoconArray(items);
                case HoconTokenType.EndOfFile:
                    throw Error("Unterminated array: expected ']' for the '['", opening);
            }

            items.Add(ParseValue(inArray: true));
            SkipWhitespace();
            var separator = Current;
            if (separator.Type is HoconTokenType.Comma or HoconTokenType.Newline)
                _position++;
            else if (separator.Type is not (HoconTokenType.ArrayEnd or HoconTokenType.EndOfFile))
                throw Error("Expected ',' or ']' but found " + separator.Describe(), separator);
        }
    }
}
