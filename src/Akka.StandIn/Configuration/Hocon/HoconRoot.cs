namespace Akka.Configuration.Hocon;

/// <summary>A parsed, fully resolved HOCON document; the input of <see cref="Config(HoconRoot)"/>.</summary>
public sealed class HoconRoot
{
    /// <summary>Wraps an already resolved value, e.g. <c>ConfigurationFactory.ParseString(text).Root</c>.</summary>
    /// <param name="value">The document's top-level value.</param>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is null.</exception>
    public HoconRoot(HoconValue value)
    {
        ArgumentNullException.ThrowIfNull(value);
        Value = value;
    }

    /// <summary>The document's top-level value (normally an object).</summary>
    public HoconValue Value { get; }
}
