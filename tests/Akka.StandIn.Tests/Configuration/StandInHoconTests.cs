// Behaviour the stand-in pins down where Akka.NET 1.5 is unspecified or differs (error positions and types,
// cycle detection, include isolation, rendering): these run only against the stand-in.
#if !AKKA_PACKAGE
using Akka.Configuration;

namespace Akka.StandIn.Tests.Configuration;

public sealed class StandInHoconTests
{
    public static TheoryData<string, int, int> MalformedDocuments => new()
    {
        { "a = ", 1, 5 },
        { "a 1", 1, 3 },
        { "a = \"open", 1, 5 },
        { "a {\n  b = 1\n", 1, 3 },
        { "a = [1, 2", 1, 5 },
        { "x = 1\n  y = 2 }", 2, 9 },
        { "a = 1\nb = }", 2, 5 },
        { "a = \"bad \\q escape\"", 1, 10 },
        { "a = ${?maybe}", 1, 5 },
        { "a += 1", 1, 3 },
        { "a = 1\ninclude \"other\"", 2, 1 },
        { "a = $b", 1, 5 },
        { "= 1", 1, 1 },
        { "a..b = 1", 1, 3 },
        { "a = [1 }", 1, 8 },
        { "a = b = c", 1, 7 },
        { "a = \"\"\"never closed", 1, 5 },
        { "a = ${unterminated", 1, 5 },
        { "{ a = 1 } b", 1, 11 },
        { "a = 1 ]", 1, 7 },
    };

    [Theory]
    [MemberData(nameof(MalformedDocuments))]
    public void Malformed_document_fails_naming_line_and_column(string hocon, int line, int column)
    {
        var error = Assert.Throws<FormatException>(() => ConfigurationFactory.ParseString(hocon));

        Assert.Contains($"at line {line}, column {column}", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Cyclic_substitution_fails()
    {
        Assert.Throws<FormatException>(() => ConfigurationFactory.ParseString("a = ${b}\nb = ${a}"));
        Assert.Throws<FormatException>(() => ConfigurationFactory.ParseString("a { b = ${a} }"));
    }

    [Fact]
    public void Object_after_a_substitution_is_layered_over_it()
    {
        var config = ConfigurationFactory.ParseString("a { x = 1, y = 1 }\nb = ${a}\nb { y = 2 }");

        Assert.Equal(1, config.GetInt("b.x"));
        Assert.Equal(2, config.GetInt("b.y"));
        Assert.Equal(1, config.GetInt("a.y"));

        var dotted = ConfigurationFactory.ParseString("a { x = 1 }\nb = ${a}\nb.z = 3");
        Assert.Equal(1, dotted.GetInt("b.x"));
        Assert.Equal(3, dotted.GetInt("b.z"));
        Assert.False(dotted.HasPath("a.z"));
    }

    [Fact]
    public void Include_does_not_change_the_included_document()
    {
        var shared = ConfigurationFactory.ParseString("a { x = 1 }");

        var config = ConfigurationFactory.ParseString("include \"shared\"\na { y = 2 }", _ => new Akka.Configuration.Hocon.HoconRoot(shared.Root));

        Assert.Equal(1, config.GetInt("a.x"));
        Assert.Equal(2, config.GetInt("a.y"));
        Assert.False(shared.HasPath("a.y"));
    }

    [Fact]
    public void ToString_can_include_or_omit_fallback_keys()
    {
        var merged = ((Config)"own = 1").WithFallback("inherited = 2");

        Assert.DoesNotContain("inherited", merged.ToString(), StringComparison.Ordinal);
        Assert.Contains("inherited", merged.ToString(includeFallback: true), StringComparison.Ordinal);
    }

    [Fact]
    public void FromResource_fails_for_a_missing_resource()
    {
        Assert.Throws<ConfigurationException>(() => ConfigurationFactory.FromResource<ConfigGetterTests>("no.such.conf"));
    }

    [Fact]
    public void GetConfig_on_a_scalar_throws()
    {
        var sample = ConfigurationFactory.ParseString("s = text");

        Assert.Throws<FormatException>(() => sample.GetConfig("s"));
    }

    [Fact]
    public void Random_input_either_parses_or_fails_with_a_format_exception()
    {
        string[] pieces = ["a", "b.c", "\"q\"", "\"\"\"t\"\"\"", "=", ":", "{", "}", "[", "]", ",", " ", "\n", "#x\n", "//y\n", "${a}", "${?a}", "+=", "1", "10s", "null", "on", "include", "\\", "\"", ".", "$"];
        var random = new Random(20261121);
        for (var i = 0; i < 3000; i++)
        {
            var text = string.Concat(Enumerable.Range(0, random.Next(1, 24)).Select(_ => pieces[random.Next(pieces.Length)]));
            try
            {
                var config = ConfigurationFactory.ParseString(text);
                _ = config.ToString(includeFallback: true);
            }
            catch (FormatException)
            {
                // Expected for malformed input.
            }
        }
    }

    [Fact]
    public void Deep_nesting_fails_instead_of_overflowing_the_stack()
    {
        var deep = new string('[', 100_000);

        var error = Assert.Throws<FormatException>(() => ConfigurationFactory.ParseString("a = " + deep));

        Assert.Contains("nested deeper", error.Message, StringComparison.Ordinal);
        Assert.Throws<FormatException>(() => ConfigurationFactory.ParseString(string.Join('.', Enumerable.Repeat("k", 100_000)) + " = 1"));
        Assert.True(ConfigurationFactory.ParseString("a = " + new string('[', 200) + "1" + new string(']', 200)).GetValue("a").IsArray());
    }

    [Fact]
    public void Fallback_is_the_given_configuration()
    {
        var defaults = ConfigurationFactory.ParseString("b = 2");

        Assert.Same(defaults, ((Config)"a = 1").WithFallback(defaults).Fallback);
    }
}
#endif
