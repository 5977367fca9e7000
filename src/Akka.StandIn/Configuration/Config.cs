using Akka.Configuration.Hocon;

namespace Akka.Configuration;

/// <summary>
/// An immutable, parsed HOCON configuration, optionally backed by fallbacks. Lookups take dotted paths
/// (<c>akka.ipc."socket.path"</c>). <see cref="WithFallback"/> merges eagerly into a new tree, so a
/// <see cref="Config"/> is safe to share between threads.
/// </summary>
public partial class Config
{
    /// <summary>A configuration without keys.</summary>
    public static readonly Config Empty = new();

    private readonly HoconValue _ownRoot;

    /// <summary>Creates an empty configuration.</summary>
    public Config()
        : this(new HoconRoot(new HoconValue(new HoconObject())))
    {
    }

    /// <summary>Creates a configuration over a parsed document.</summary>
    /// <param name="root">The document.</param>
    /// <exception cref="ArgumentNullException"><paramref name="root"/> is null.</exception>
    public Config(HoconRoot root)
    {
        ArgumentNullException.ThrowIfNull(root);
        Root = root.Value;
        _ownRoot = root.Value;
    }

    /// <summary>Creates a configuration whose <paramref name="source"/> values win over <paramref name="fallback"/>'s.</summary>
    /// <param name="source">The configuration whose values win.</param>
    /// <param name="fallback">The configuration consulted for keys <paramref name="source"/> lacks; may be null.</param>
    /// <exception cref="ArgumentNullException"><paramref name="source"/> is null.</exception>
    public Config(Config source, Config fallback)
    {
        ArgumentNullException.ThrowIfNull(source);
        _ownRoot = source._ownRoot;
        Root = fallback == null ? source.Root : Merge(source.Root, fallback.Root);
        Fallback = source.Fallback == null || fallback == null
            ? source.Fallback ?? fallback
            : new Config(source.Fallback, fallback);
    }

    /// <summary>True when the configuration, including its fallbacks, has no keys.</summary>
    public virtual bool IsEmpty => Root.IsEmpty;

    /// <summary>The merged document: this configuration's values over its fallbacks'.</summary>
    public HoconValue Root { get; }

    /// <summary>The configuration consulted for missing keys, or null.</summary>
    public Config Fallback { get; }

    /// <summary>
    /// Returns a configuration in which this configuration's values win and <paramref name="fallback"/>
    /// supplies the rest; objects merge deeply, scalars and arrays are replaced whole.
    /// </summary>
    /// <param name="fallback">The lower-priority configuration; null returns this instance.</param>
    /// <returns>The merged configuration; <paramref name="fallback"/> itself when this one is empty.</returns>
    /// <exception cref="ArgumentException"><paramref name="fallback"/> is this instance.</exception>
    public virtual Config WithFallback(Config fallback)
    {
        if (ReferenceEquals(fallback, this))
            throw new ArgumentException("Config can not have itself as fallback", nameof(fallback));
        if (fallback == null)
            return this;
        if (IsEmpty)
            return fallback;
        return new Config(this, fallback);
    }

    /// <summary>True when <paramref name="path"/> names a value (the <c>null</c> literal counts).</summary>
    /// <param name="path">A dotted path.</param>
    public virtual bool HasPath(string path) => GetNode(path) != null;

    /// <summary>The value at <paramref name="path"/>, or null when there is none.</summary>
    /// <param name="path">A dotted path.</param>
    public HoconValue GetValue(string path) => GetNode(path);

    /// <summary>The sub-configuration at <paramref name="path"/>, or <b>null</b> when the path is missing.</summary>
    /// <param name="path">A dotted path.</param>
    /// <exception cref="FormatException">The value at <paramref name="path"/> is not an object.</exception>
    public virtual Config GetConfig(string path)
    {
        var node = GetNode(path);
        if (node == null || node.Elements is [HoconLiteral { Value: null }])
            return null;
        if (!node.IsObject())
            throw new FormatException($"The value at '{path}' is not an object: {node}");
        return new Config(new HoconRoot(node));
    }

    /// <summary>Renders this configuration's own keys (without fallbacks) as HOCON.</summary>
    public override string ToString() => ToString(includeFallback: false);

    /// <summary>Renders the configuration as HOCON.</summary>
    /// <param name="includeFallback">Whether keys supplied by fallbacks are included.</param>
    public string ToString(bool includeFallback)
    {
        var root = includeFallback ? Root : _ownRoot;
        return root.TryGetObject(out var obj) ? HoconRenderer.RenderFields(obj, 0) : root.ToString();
    }

    /// <summary>Parses HOCON text, so a string can be passed wherever a <see cref="Config"/> is expected.</summary>
    /// <param name="str">HOCON text.</param>
    /// <exception cref="FormatException">The text is malformed.</exception>
    public static implicit operator Config(string str) => ConfigurationFactory.ParseString(str);

    /// <summary>Uses the HOCON text <paramref name="fallback"/> as fallback of <paramref name="config"/>.</summary>
    /// <param name="config">The configuration whose values win.</param>
    /// <param name="fallback">HOCON text for missing keys.</param>
    public static Config operator +(Config config, string fallback)
    {
        ArgumentNullException.ThrowIfNull(config);
        return config.WithFallback(ConfigurationFactory.ParseString(fallback));
    }

    /// <summary>Parses <paramref name="configHocon"/> and uses <paramref name="fallbackConfig"/> as its fallback.</summary>
    /// <param name="configHocon">HOCON text whose values win.</param>
    /// <param name="fallbackConfig">The configuration for missing keys.</param>
    public static Config operator +(string configHocon, Config fallbackConfig) =>
        ConfigurationFactory.ParseString(configHocon).WithFallback(fallbackConfig);

    /// <summary>The node at <paramref name="path"/>, or null.</summary>
    /// <exception cref="FormatException">The path is malformed.</exception>
    protected virtual HoconValue GetNode(string path) => HoconPath.Find(Root, HoconPath.Split(path));

    private static HoconValue Merge(HoconValue source, HoconValue fallback)
    {
        if (source.TryGetObject(out var mine) && fallback.TryGetObject(out var theirs))
            return new HoconValue(mine.MergeImmutable(theirs));
        return source;
    }
}
