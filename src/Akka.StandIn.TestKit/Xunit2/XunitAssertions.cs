using System.Globalization;
using Xunit;
using Xunit.Sdk;

namespace Akka.TestKit.Xunit2;

/// <summary>TestKit assertions that throw xunit's exceptions.</summary>
public class XunitAssertions : ITestKitAssertions
{
    /// <inheritdoc />
    public void Fail(string format = "", params object[] args) => throw new XunitException(Format(format, args));

    /// <inheritdoc />
    public void AssertTrue(bool condition, string format = "", params object[] args)
    {
        if (!condition)
            Assert.True(condition, Format(format, args));
    }

    /// <inheritdoc />
    public void AssertFalse(bool condition, string format = "", params object[] args)
    {
        if (condition)
            Assert.False(condition, Format(format, args));
    }

    /// <inheritdoc />
    public void AssertEqual<T>(T expected, T actual, string format = "", params object[] args)
    {
        try
        {
            Assert.Equal(expected, actual);
        }
        catch (EqualException)
        {
            // Keep xunit's deep equality but report the TestKit's message.
            throw EqualException.ForMismatchedValues(expected, actual, Format(format, args));
        }
    }

    /// <inheritdoc />
    public void AssertEqual<T>(T expected, T actual, Func<T, T, bool> comparer, string format = "", params object[] args)
    {
        ArgumentNullException.ThrowIfNull(comparer);
        if (!comparer(expected, actual))
            throw EqualException.ForMismatchedValues(expected, actual, Format(format, args));
    }

    private static string Format(string format, object[] args) =>
        args == null || args.Length == 0 ? format ?? "" : string.Format(CultureInfo.InvariantCulture, format ?? "", args);
}
