namespace Akka.Actor;

/// <summary>
/// The logical location of an actor: its system address plus the names from the root down. Equality
/// ignores the incarnation <see cref="Uid"/>.
/// </summary>
public abstract class ActorPath : IEquatable<ActorPath>, IComparable<ActorPath>
{
    private const string ValidSymbols = "-_.*$+:@&=,!~';()";

    private string _string;

    private protected ActorPath(Address address, string name, long uid)
    {
        Address = address;
        Name = name;
        Uid = uid;
    }

    /// <summary>The address of the actor system.</summary>
    public Address Address { get; }

    /// <summary>The last path element, e.g. <c>worker</c>.</summary>
    public string Name { get; }

    /// <summary>The incarnation id of the actor; 0 when unknown.</summary>
    public long Uid { get; }

    /// <summary>The parent path; the root path is its own parent.</summary>
    public abstract ActorPath Parent { get; }

    /// <summary>The root path of the system.</summary>
    public abstract ActorPath Root { get; }

    /// <summary>The number of elements below the root.</summary>
    public abstract int Depth { get; }

    /// <summary>The path elements below the root, e.g. <c>["user", "parent", "worker"]</c>.</summary>
    public IReadOnlyList<string> Elements
    {
        get
        {
            var result = new string[Depth];
            var p = this;
            for (var i = result.Length - 1; i >= 0; i--)
            {
                result[i] = p.Name;
                p = p.Parent;
            }

            return result;
        }
    }

    /// <summary>Creates the path of a child named <paramref name="childName"/>.</summary>
    public ActorPath Child(string childName) => new ChildActorPath(this, childName, 0);

    /// <summary>Same as <see cref="Child"/>.</summary>
    public static ActorPath operator /(ActorPath path, string name) => path.Child(name);

    /// <summary>
    /// True when <paramref name="s"/> may be used as an actor name: non-empty, not starting with <c>$</c>,
    /// made of ASCII letters, digits and <c>-_.*$+:@&amp;=,!~';()</c>.
    /// </summary>
    public static bool IsValidPathElement(string s)
    {
        if (string.IsNullOrEmpty(s) || s[0] == '$')
            return false;
        return HasValidCharacters(s);
    }

    internal static bool HasValidCharacters(string s)
    {
        foreach (var c in s)
        {
            if (!char.IsAsciiLetterOrDigit(c) && !ValidSymbols.Contains(c))
                return false;
        }

        return true;
    }

    /// <summary>Returns the path without the address, e.g. <c>/user/parent/worker</c>.</summary>
    public string ToStringWithoutAddress()
    {
        var s = ToString();
        var root = Address.ToString();
        return s.Length == root.Length ? "/" : s.Substring(root.Length);
    }

    /// <summary>Returns the full path without the uid, e.g. <c>akka://sys/user/parent/worker</c>.</summary>
    public override string ToString() => _string ??= Build();

    /// <summary>Returns the full path followed by <c>#uid</c> when the uid is known.</summary>
    public string ToSerializationFormat() => Uid == 0 ? ToString() : ToString() + "#" + Uid;

    internal abstract ActorPath WithUid(long uid);

    /// <inheritdoc />
    public bool Equals(ActorPath other)
    {
        if (ReferenceEquals(this, other))
            return true;
        if (other is null || Depth != other.Depth)
            return false;
        return string.Equals(ToString(), other.ToString(), StringComparison.Ordinal);
    }

    /// <inheritdoc />
    public override bool Equals(object obj) => obj is ActorPath p && Equals(p);

    /// <inheritdoc />
    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(ToString());

    /// <inheritdoc />
    public int CompareTo(ActorPath other) => string.CompareOrdinal(ToString(), other?.ToString());

    /// <summary>Path equality, ignoring the uid.</summary>
    public static bool operator ==(ActorPath left, ActorPath right) => left?.Equals(right) ?? right is null;

    /// <summary>Path inequality, ignoring the uid.</summary>
    public static bool operator !=(ActorPath left, ActorPath right) => !(left == right);

    private string Build()
    {
        if (Depth == 0)
            return Address + "/";
        var parent = Parent.Depth == 0 ? Address.ToString() : Parent.ToString();
        return parent + "/" + Name;
    }
}
