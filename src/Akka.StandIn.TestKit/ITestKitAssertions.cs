namespace Akka.TestKit;

/// <summary>The assertion primitives the TestKit fails through, so failures surface as the test framework's exceptions.</summary>
public interface ITestKitAssertions
{
    /// <summary>Fails unconditionally.</summary>
    /// <param name="format">The failure message, a composite format string when <paramref name="args"/> are given.</param>
    /// <param name="args">Format arguments.</param>
    void Fail(string format = "", params object[] args);

    /// <summary>Fails when <paramref name="condition"/> is false.</summary>
    /// <param name="condition">The condition that must hold.</param>
    /// <param name="format">The failure message, a composite format string when <paramref name="args"/> are given.</param>
    /// <param name="args">Format arguments.</param>
    void AssertTrue(bool condition, string format = "", params object[] args);

    /// <summary>Fails when <paramref name="condition"/> is true.</summary>
    /// <param name="condition">The condition that must not hold.</param>
    /// <param name="format">The failure message, a composite format string when <paramref name="args"/> are given.</param>
    /// <param name="args">Format arguments.</param>
    void AssertFalse(bool condition, string format = "", params object[] args);

    /// <summary>Fails when <paramref name="expected"/> and <paramref name="actual"/> differ (the framework's equality).</summary>
    /// <typeparam name="T">The compared type.</typeparam>
    /// <param name="expected">The expected value.</param>
    /// <param name="actual">The actual value.</param>
    /// <param name="format">The failure message, a composite format string when <paramref name="args"/> are given.</param>
    /// <param name="args">Format arguments.</param>
    void AssertEqual<T>(T expected, T actual, string format = "", params object[] args);

    /// <summary>Fails when <paramref name="comparer"/> says <paramref name="expected"/> and <paramref name="actual"/> differ.</summary>
    /// <typeparam name="T">The compared type.</typeparam>
    /// <param name="expected">The expected value.</param>
    /// <param name="actual">The actual value.</param>
    /// <param name="comparer">Returns true when the two values are equal.</param>
    /// <param name="format">The failure message, a composite format string when <paramref name="args"/> are given.</param>
    /// <param name="args">Format arguments.</param>
    void AssertEqual<T>(T expected, T actual, Func<T, T, bool> comparer, string format = "", params object[] args);
}
