using System.Reflection;
using Akka.Configuration.Hocon;

namespace Akka.Configuration;

/// <summary>Creates <see cref="Config"/> instances from HOCON text, embedded resources and Akka's defaults.</summary>
public class ConfigurationFactory
{
    // The runtime's embedded akka.conf is the only home of the defaults.
    private static readonly Lazy<Config> DefaultConfig = new(() => FromResource("Akka.Resources.akka.conf", typeof(ConfigurationFactory).Assembly));

    /// <summary>A new configuration without keys.</summary>
    public static Config Empty => ParseString("");

    /// <summary>Parses HOCON text; <c>include</c> directives are rejected.</summary>
    /// <param name="hocon">HOCON text.</param>
    /// <exception cref="ArgumentNullException"><paramref name="hocon"/> is null.</exception>
    /// <exception cref="FormatException">The text is malformed or uses unsupported syntax (the message names line and column), or a substitution is unresolved.</exception>
    public static Config ParseString(string hocon) => ParseString(hocon, includeCallback: null);

    /// <summary>Parses HOCON text, resolving <c>include "name"</c> through <paramref name="includeCallback"/>.</summary>
    /// <param name="hocon">HOCON text.</param>
    /// <param name="includeCallback">Maps an include name to a parsed document; null rejects includes.</param>
    /// <exception cref="ArgumentNullException"><paramref name="hocon"/> is null.</exception>
    /// <exception cref="FormatException">The text is malformed or uses unsupported syntax (the message names line and column), or a substitution is unresolved.</exception>
    public static Config ParseString(string hocon, Func<string, HoconRoot> includeCallback) =>
        new(HoconParser.Parse(hocon, includeCallback));

    /// <summary>Akka's built-in defaults (<c>akka.loglevel</c>, <c>akka.actor.ask-timeout</c>, ...).</summary>
    public static Config Default() => DefaultConfig.Value;

    /// <summary>
    /// The application's <c>akka</c> configuration section. .NET has no App.config section for Akka here,
    /// so this is an empty configuration; <c>ActorSystem.Create</c> adds <see cref="Default"/> as fallback.
    /// </summary>
    public static Config Load() => Empty;

    /// <summary>Parses an embedded HOCON resource.</summary>
    /// <param name="resourceName">The manifest resource name.</param>
    /// <param name="assembly">The assembly holding the resource.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ConfigurationException">The resource does not exist.</exception>
    /// <exception cref="FormatException">The resource is not valid HOCON.</exception>
    public static Config FromResource(string resourceName, Assembly assembly)
    {
        ArgumentNullException.ThrowIfNull(resourceName);
        ArgumentNullException.ThrowIfNull(assembly);
        using var stream = assembly.GetManifestResourceStream(resourceName)
            ?? throw new ConfigurationException($"Resource '{resourceName}' not found in assembly {assembly.GetName().Name}");
        using var reader = new StreamReader(stream);
        return ParseString(reader.ReadToEnd());
    }

    /// <summary>Parses an embedded HOCON resource of the assembly that defines <typeparamref name="TAssembly"/>.</summary>
    /// <typeparam name="TAssembly">Any type of the assembly holding the resource.</typeparam>
    /// <param name="resourceName">The manifest resource name.</param>
    /// <exception cref="ConfigurationException">The resource does not exist.</exception>
    /// <exception cref="FormatException">The resource is not valid HOCON.</exception>
    public static Config FromResource<TAssembly>(string resourceName) => FromResource(resourceName, typeof(TAssembly).Assembly);

    /// <summary>Parses an embedded HOCON resource of the assembly that defines <paramref name="instanceInAssembly"/>'s type.</summary>
    /// <param name="resourceName">The manifest resource name.</param>
    /// <param name="instanceInAssembly">Any object whose type lives in the assembly holding the resource.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ConfigurationException">The resource does not exist.</exception>
    /// <exception cref="FormatException">The resource is not valid HOCON.</exception>
    public static Config FromResource(string resourceName, object instanceInAssembly)
    {
        ArgumentNullException.ThrowIfNull(instanceInAssembly);
        return FromResource(resourceName, instanceInAssembly.GetType().Assembly);
    }
}
