namespace Akka.Configuration;

/// <summary>Null-tolerant helpers for <see cref="Config"/>.</summary>
public static class ConfigExtensions
{
    /// <summary>True when <paramref name="config"/> is null or has no keys.</summary>
    /// <param name="config">The configuration, possibly null.</param>
    public static bool IsNullOrEmpty(this Config config) => config == null || config.IsEmpty;

    /// <summary>
    /// Like <see cref="Config.WithFallback"/>, but accepts null or empty configurations on either side and
    /// falling back to the same instance.
    /// </summary>
    /// <param name="config">The configuration whose values win; may be null.</param>
    /// <param name="fallback">The configuration consulted for missing keys; may be null.</param>
    /// <returns>The merged configuration, never null.</returns>
    public static Config SafeWithFallback(this Config config, Config fallback)
    {
        if (config.IsNullOrEmpty())
            return fallback.IsNullOrEmpty() ? Config.Empty : fallback;
        if (fallback.IsNullOrEmpty() || ReferenceEquals(config, fallback))
            return config;
        return config.WithFallback(fallback);
    }
}
