using Akka.Configuration.Hocon;

namespace Akka.Configuration;

/// <content>
/// Typed getters. A missing path gives the default. A present value of the wrong shape behaves as in Akka.NET 1.5: text
/// getters read an object or array as null, typed getters then fail to parse it, list getters read a non-array as empty.
/// </content>
public partial class Config
{
    /// <summary>Reads text; the <c>null</c> literal, objects and arrays read as null.</summary>
    /// <param name="path">A dotted path.</param>
    /// <param name="default">Returned when the path is missing.</param>
    public virtual string GetString(string path, string @default = null) => GetNode(path) is { } node ? node.GetString() : @default;

    /// <summary>Reads a 32-bit integer.</summary>
    /// <param name="path">A dotted path.</param>
    /// <param name="default">Returned when the path is missing.</param>
    /// <exception cref="FormatException">The value is not an integer.</exception>
    /// <exception cref="ArgumentNullException">The value is an object, an array or null (as in Akka.NET 1.5).</exception>
    /// <exception cref="OverflowException">The value does not fit.</exception>
    public virtual int GetInt(string path, int @default = 0) => GetNode(path) is { } node ? node.GetInt() : @default;

    /// <summary>Reads a 64-bit integer.</summary>
    /// <param name="path">A dotted path.</param>
    /// <param name="default">Returned when the path is missing.</param>
    /// <exception cref="FormatException">The value is not an integer.</exception>
    /// <exception cref="ArgumentNullException">The value is an object, an array or null (as in Akka.NET 1.5).</exception>
    /// <exception cref="OverflowException">The value does not fit.</exception>
    public virtual long GetLong(string path, long @default = 0) => GetNode(path) is { } node ? node.GetLong() : @default;

    /// <summary>Reads a boolean: only <c>on</c>, <c>off</c>, <c>true</c> and <c>false</c> are accepted.</summary>
    /// <param name="path">A dotted path.</param>
    /// <param name="default">Returned when the path is missing.</param>
    /// <exception cref="NotSupportedException">The value is another word (for example <c>yes</c>).</exception>
    public virtual bool GetBoolean(string path, bool @default = false) => GetNode(path) is { } node ? node.GetBoolean() : @default;

    /// <summary>Reads a double.</summary>
    /// <param name="path">A dotted path.</param>
    /// <param name="default">Returned when the path is missing.</param>
    /// <exception cref="FormatException">The value is not a number.</exception>
    /// <exception cref="ArgumentNullException">The value is an object, an array or null (as in Akka.NET 1.5).</exception>
    public virtual double GetDouble(string path, double @default = 0) => GetNode(path) is { } node ? node.GetDouble() : @default;

    /// <summary>Reads a float.</summary>
    /// <param name="path">A dotted path.</param>
    /// <param name="default">Returned when the path is missing.</param>
    /// <exception cref="FormatException">The value is not a number.</exception>
    /// <exception cref="ArgumentNullException">The value is an object, an array or null (as in Akka.NET 1.5).</exception>
    public virtual float GetFloat(string path, float @default = 0) => GetNode(path) is { } node ? node.GetFloat() : @default;

    /// <summary>Reads a decimal.</summary>
    /// <param name="path">A dotted path.</param>
    /// <param name="default">Returned when the path is missing.</param>
    /// <exception cref="FormatException">The value is not a number.</exception>
    /// <exception cref="ArgumentNullException">The value is an object, an array or null (as in Akka.NET 1.5).</exception>
    public virtual decimal GetDecimal(string path, decimal @default = 0) => GetNode(path) is { } node ? node.GetDecimal() : @default;

    /// <summary>
    /// Reads a duration: a number with a unit (<c>ns</c>, <c>micros</c>, <c>ms</c>, <c>s</c>, <c>m</c>,
    /// <c>h</c>, <c>d</c> and their long forms); a bare number is milliseconds; <c>infinite</c> gives
    /// <see cref="Timeout.InfiniteTimeSpan"/>.
    /// </summary>
    /// <param name="path">A dotted path.</param>
    /// <param name="default">Returned when the path is missing (<see cref="TimeSpan.Zero"/> when null).</param>
    /// <param name="allowInfinite">Whether <c>infinite</c> is accepted.</param>
    /// <exception cref="FormatException">The value is not a non-negative duration, or is <c>infinite</c> while not allowed.</exception>
    /// <exception cref="ArgumentNullException">The value is an object, an array or null (as in Akka.NET 1.5).</exception>
    public virtual TimeSpan GetTimeSpan(string path, TimeSpan? @default = null, bool allowInfinite = true) =>
        GetNode(path) is { } node ? node.GetTimeSpan(allowInfinite) : @default ?? TimeSpan.Zero;

    /// <summary>Reads a byte size (bare number = bytes; <c>k</c>/<c>KiB</c> = 1024, <c>kB</c> = 1000, ...).</summary>
    /// <param name="path">A dotted path.</param>
    /// <returns>The size in bytes, or null when the path is missing.</returns>
    /// <exception cref="FormatException">The value is not a byte size.</exception>
    /// <exception cref="ArgumentNullException">The value is an object, an array or null (as in Akka.NET 1.5).</exception>
    public virtual long? GetByteSize(string path) => GetNode(path)?.GetByteSize();

    /// <summary>Reads a byte size (bare number = bytes; <c>k</c>/<c>KiB</c> = 1024, <c>kB</c> = 1000, ...).</summary>
    /// <param name="path">A dotted path.</param>
    /// <param name="def">Returned when the path is missing.</param>
    /// <exception cref="FormatException">The value is not a byte size.</exception>
    /// <exception cref="ArgumentNullException">The value is an object, an array or null (as in Akka.NET 1.5).</exception>
    public virtual long? GetByteSize(string path, long? def = null) => GetNode(path) is { } node ? node.GetByteSize() : def;

    /// <summary>Reads an array of text; a missing path gives an empty list.</summary>
    /// <param name="path">A dotted path.</param>
    public virtual IList<string> GetStringList(string path) => GetStringList(path, []);

    /// <summary>Reads an array of text; a missing path gives <paramref name="defaultPaths"/>.</summary>
    /// <param name="path">A dotted path.</param>
    /// <param name="defaultPaths">Returned when the path is missing.</param>
    public virtual IList<string> GetStringList(string path, string[] defaultPaths) =>
        GetNode(path) is { } node ? node.GetArray().Select(v => v.GetString()).ToList() : defaultPaths;

    /// <summary>Reads an array of integers.</summary>
    /// <param name="path">A dotted path.</param>
    /// <exception cref="NullReferenceException">The path is missing (as in Akka.NET 1.5).</exception>
    /// <exception cref="FormatException">An item is not one of the integers (a value that is no array reads as an empty list).</exception>
    public virtual IList<int> GetIntList(string path) => GetList(path, v => v.GetInt());

    /// <summary>Reads an array of 64-bit integers.</summary>
    /// <param name="path">A dotted path.</param>
    /// <exception cref="NullReferenceException">The path is missing (as in Akka.NET 1.5).</exception>
    /// <exception cref="FormatException">An item is not one of the integers (a value that is no array reads as an empty list).</exception>
    public virtual IList<long> GetLongList(string path) => GetList(path, v => v.GetLong());

    /// <summary>Reads an array of doubles.</summary>
    /// <param name="path">A dotted path.</param>
    /// <exception cref="NullReferenceException">The path is missing (as in Akka.NET 1.5).</exception>
    /// <exception cref="FormatException">An item is not one of the numbers (a value that is no array reads as an empty list).</exception>
    public virtual IList<double> GetDoubleList(string path) => GetList(path, v => v.GetDouble());

    /// <summary>Reads an array of floats.</summary>
    /// <param name="path">A dotted path.</param>
    /// <exception cref="NullReferenceException">The path is missing (as in Akka.NET 1.5).</exception>
    /// <exception cref="FormatException">An item is not one of the numbers (a value that is no array reads as an empty list).</exception>
    public virtual IList<float> GetFloatList(string path) => GetList(path, v => v.GetFloat());

    /// <summary>Reads an array of decimals.</summary>
    /// <param name="path">A dotted path.</param>
    /// <exception cref="NullReferenceException">The path is missing (as in Akka.NET 1.5).</exception>
    /// <exception cref="FormatException">An item is not one of the numbers (a value that is no array reads as an empty list).</exception>
    public virtual IList<decimal> GetDecimalList(string path) => GetList(path, v => v.GetDecimal());

    /// <summary>Reads an array of booleans (on/off/true/false).</summary>
    /// <param name="path">A dotted path.</param>
    /// <exception cref="NullReferenceException">The path is missing (as in Akka.NET 1.5).</exception>
    /// <exception cref="NotSupportedException">An item is not a boolean word.</exception>
    public virtual IList<bool> GetBooleanList(string path) => GetList(path, v => v.GetBoolean());

    /// <summary>Reads an array of bytes.</summary>
    /// <param name="path">A dotted path.</param>
    /// <exception cref="NullReferenceException">The path is missing (as in Akka.NET 1.5).</exception>
    /// <exception cref="FormatException">An item is not one of the bytes (a value that is no array reads as an empty list).</exception>
    public virtual IList<byte> GetByteList(string path) => GetList(path, v => v.GetByte());

    private List<T> GetList<T>(string path, Func<HoconValue, T> read)
    {
        // Akka.NET 1.5 dereferences the missing node; keep that failure but say which path it was.
        var node = GetNode(path) ?? throw new NullReferenceException($"No list at path '{path}'");
        return node.GetArray().Select(read).ToList();
    }
}
