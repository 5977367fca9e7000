using Akka.Configuration;

namespace Akka.StandIn.Tests.Configuration;

public sealed class HoconParsingTests
{
    public static TheoryData<string, string, string> ValidDocuments => new()
    {
        { "a = 1", "a", "1" },
        { "a : 1", "a", "1" },
        { "a { b = x }", "a.b", "x" },
        { "a { b { c = deep } }", "a.b.c", "deep" },
        { "{ a = braced }", "a", "braced" },
        { "a.b.c = dotted", "a.b.c", "dotted" },
        { "\"a.b\" = quoted-key", "\"a.b\"", "quoted-key" },
        { "a.\"b.c\".d = mixed", "a.\"b.c\".d", "mixed" },
        { "a = \"quoted value\"", "a", "quoted value" },
        { "a = \"  spaces kept  \"", "a", "  spaces kept  " },
        { "a = \"esc\\t\\\"q\\\"\\n\\u0041\"", "a", "esc\t\"q\"\nA" },
        { "a = \"\"\"raw \\n \"quotes\" \"\"\"", "a", "raw \\n \"quotes\" " },
        { "a = \"\"\"line1\nline2\"\"\"", "a", "line1\nline2" },
        { "a = hello   world  ", "a", "hello   world" },
        { "a = foo \"bar\" baz", "a", "foo bar baz" },
        { "a = Akka.Event.DefaultLogger, b = 2", "a", "Akka.Event.DefaultLogger" },
        { "a = 1, b = 2", "b", "2" },
        { "a = value # comment", "a", "value" },
        { "a = value // comment", "a", "value" },
        { "# only comment\n// another\na = x", "a", "x" },
        { "a = 1\na = 2", "a", "2" },
        { "a { x = 1 }\na { y = 2 }", "a.x", "1" },
        { "a { x = 1 }\na { y = 2 }", "a.y", "2" },
        { "a { x = 1 }\na.y = 2", "a.x", "1" },
        { "a { x = 1 }\na = 5", "a", "5" },
        { "a = 5\na { x = 1 }", "a.x", "1" },
        { "a { x = 1, x = 3 }", "a.x", "3" },
        { "b = ${a}\na = late", "b", "late" },
        { "a { x = 1 }\nb = ${a.x}", "b", "1" },
        { "a = 1\nb = ${a} ms", "b", "1 ms" },
        { "a = x\nb = \"${a}\"", "b", "${a}" },
        { "a = 1\r\nb = 2\r\n", "b", "2" },
        { "a =\n  1", "a", "1" },
        { "a = -12.5e3", "a", "-12.5e3" },
        { "url = \"akka://sys@host:2552\"", "url", "akka://sys@host:2552" },
        { "a-b_c = kebab", "a-b_c", "kebab" },
    };

    [Theory]
    [MemberData(nameof(ValidDocuments))]
    public void Valid_document_yields_expected_value(string hocon, string path, string expected)
    {
        var config = ConfigurationFactory.ParseString(hocon);

        Assert.Equal(expected, config.GetString(path));
    }

    [Fact]
    public void Unresolved_substitution_fails_naming_the_path()
    {
        var error = Assert.Throws<FormatException>(() => ConfigurationFactory.ParseString("a = ${missing.key}"));

        Assert.StartsWith("Unresolved substitution: missing.key", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Environment_variables_are_not_substituted()
    {
        Assert.Throws<FormatException>(() => ConfigurationFactory.ParseString("home = ${HOME}\npath = ${PATH}"));
    }

    [Fact]
    public void Substitution_of_an_object_copies_its_fields()
    {
        var config = ConfigurationFactory.ParseString("base { x = 1, y = 2 }\nderived = ${base}\nlayered = ${base} { y = 3 }");

        Assert.Equal(1, config.GetInt("derived.x"));
        Assert.Equal(2, config.GetInt("derived.y"));
        Assert.Equal(1, config.GetInt("layered.x"));
        Assert.Equal(3, config.GetInt("layered.y"));
    }

    [Fact]
    public void Substitution_sees_later_merges_of_the_referenced_object()
    {
        var config = ConfigurationFactory.ParseString("a { x = 1 }\nb = ${a}\na { y = 2 }");

        Assert.Equal(2, config.GetInt("b.y"));
    }

    [Fact]
    public void Substitution_is_not_resolved_against_a_fallback()
    {
        Assert.Throws<FormatException>(() => ((Config)"a = ${b}").WithFallback("b = 1"));
    }

    [Fact]
    public void Arrays_of_scalars_objects_and_nested_arrays_parse()
    {
        var config = ConfigurationFactory.ParseString("""
            list = [a, "b c", 3]
            multi = [
              1
              2,
              3,
            ]
            empty = []
            nested = [[1, 2], [3]]
            objects = [{ name = x }, { name = y }]
            """);

        Assert.Equal(["a", "b c", "3"], config.GetStringList("list"));
        Assert.Equal([1, 2, 3], config.GetIntList("multi"));
        Assert.Empty(config.GetStringList("empty"));
        Assert.True(config.GetValue("nested").IsArray());
        Assert.True(config.GetValue("objects").IsArray());
    }

    [Fact]
    public void Null_literal_reads_as_null_string()
    {
        var config = ConfigurationFactory.ParseString("a = null\nb = \"null\"");

        Assert.Null(config.GetString("a"));
        Assert.Equal("null", config.GetString("b"));
        Assert.True(config.HasPath("a"));
    }

    [Fact]
    public void Include_is_resolved_through_the_callback()
    {
        var config = ConfigurationFactory.ParseString(
            "include \"shared\"\nlocal = 2\nshared-key = overridden",
            name => new Akka.Configuration.Hocon.HoconRoot(ConfigurationFactory.ParseString(name + "-key = 1\nother = 3").Root));

        Assert.Equal("overridden", config.GetString("shared-key"));
        Assert.Equal(3, config.GetInt("other"));
        Assert.Equal(2, config.GetInt("local"));
    }

    [Fact]
    public void ToString_round_trips_plain_values_through_the_parser()
    {
        // Akka's printer does not escape dotted keys or nulls, so only plain values are expected to survive.
        var config = ConfigurationFactory.ParseString("a { b = \"x y\", c = [1, 2], d = plain }");

        var reparsed = ConfigurationFactory.ParseString(config.ToString());

        Assert.Equal("x y", reparsed.GetString("a.b"));
        Assert.Equal([1, 2], reparsed.GetIntList("a.c"));
        Assert.Equal("plain", reparsed.GetString("a.d"));
    }

    [Fact]
    public void ToString_quotes_only_values_with_a_space_tab_or_colon_like_Akka()
    {
        var config = ConfigurationFactory.ParseString("a { mode = \"0660\", size = \"64 KiB\", url = \"x:y\", plain = raw }");

        var lines = config.ToString().Split('\n').Select(line => line.Trim()).ToList();

        Assert.Contains("mode : 0660", lines);
        Assert.Contains("size : \"64 KiB\"", lines);
        Assert.Contains("url : \"x:y\"", lines);
        Assert.Contains("plain : raw", lines);
    }
}
