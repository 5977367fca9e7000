using Akka.Configuration;
using Akka.Hosting;
using AkkaIpc.Hosting.Internal;
using Microsoft.Extensions.Configuration;

namespace AkkaIpc.Hosting;

/// <summary>
/// <c>WithIpc(...)</c>: AkkaIpc for an actor system built by Akka.Hosting (<c>services.AddAkka(...)</c>).
/// </summary>
/// <remarks>
/// Each overload adds AkkaIpc's reference configuration (<see cref="IpcConfig.Default"/>) as the fallback, puts the
/// options that are set in front of the rest of the configuration, and, once the actor system is up, starts the
/// declared endpoints in order and registers each ref in the <see cref="ActorRegistry"/> under its key type, so
/// application code gets it with <c>IRequiredActor&lt;TKey&gt;</c>. The host's shutdown runs CoordinatedShutdown,
/// whose service-unbind phase closes every endpoint (the Ipc extension's own task), letting queued bytes drain up to
/// <c>close-timeout</c>; listeners and servers remove their socket files. AkkaIpc logs through Akka's logging, so its lines reach
/// Microsoft.Extensions.Logging once the builder calls <c>ConfigureLoggers(l =&gt; l.AddLoggerFactory())</c>.
/// </remarks>
public static class IpcHostingExtensions
{
    /// <summary>Adds AkkaIpc with <paramref name="options"/>.</summary>
    /// <param name="builder">The Akka.Hosting builder.</param>
    /// <param name="options">Settings and endpoints.</param>
    /// <returns>The same builder.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static AkkaConfigurationBuilder WithIpc(this AkkaConfigurationBuilder builder, IpcOptions options)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(options);
        return Add(builder, IpcOptionKeys.ToHocon(options), [.. options.Endpoints]);
    }

    /// <summary>Adds AkkaIpc with the options that <paramref name="configure"/> sets.</summary>
    /// <param name="builder">The Akka.Hosting builder.</param>
    /// <param name="configure">Sets settings and declares endpoints (<see cref="IpcOptions.Listen{TKey}"/>, ...).</param>
    /// <returns>The same builder.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static AkkaConfigurationBuilder WithIpc(this AkkaConfigurationBuilder builder, Action<IpcOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        var options = new IpcOptions();
        configure(options);
        return builder.WithIpc(options);
    }

    /// <summary>
    /// Adds AkkaIpc with settings and endpoints read from a configuration section, then those that
    /// <paramref name="configure"/> sets (which win over the section's).
    /// </summary>
    /// <param name="builder">The Akka.Hosting builder.</param>
    /// <param name="configuration">A section such as <c>configuration.GetSection("AkkaIpc")</c>: settings by
    /// <see cref="IpcOptions"/> property name with values written as in reference.conf (<c>"CloseTimeout": "2s"</c>,
    /// <c>"Framing": "length-prefixed"</c>), and arrays <c>Listeners</c>, <c>Connectors</c>, <c>Servers</c> of
    /// <c>{ "Path": ..., "Key": "MyApp.ChatSocket, MyApp", "ActorName": ..., "Framing": ... }</c>.</param>
    /// <param name="configure">Sets more options in code, or null.</param>
    /// <returns>The same builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> or <paramref name="configuration"/> is null.</exception>
    /// <exception cref="Akka.Configuration.ConfigurationException">The section has an unknown name, an endpoint without
    /// Path or Key, a Key that names no type, or a bad Framing; the message starts with the configuration path.</exception>
    public static AkkaConfigurationBuilder WithIpc(
        this AkkaConfigurationBuilder builder, IConfiguration configuration, Action<IpcOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configuration);
        var (hocon, endpoints) = IpcConfigurationReader.Read(configuration);
        var options = new IpcOptions();
        configure?.Invoke(options);
        return Add(builder, hocon + IpcOptionKeys.ToHocon(options), [.. endpoints, .. options.Endpoints]);
    }

    // In HOCON the last assignment of a key wins, so the code's lines follow the section's.
    private static AkkaConfigurationBuilder Add(AkkaConfigurationBuilder builder, string hocon, IReadOnlyList<IpcEndpointOptions> endpoints)
    {
        builder.AddHocon(IpcConfig.Default, HoconAddMode.Append);
        if (hocon.Length > 0)
            builder.AddHocon(ConfigurationFactory.ParseString(hocon), HoconAddMode.Prepend);
        return builder.WithActors((system, registry) => IpcEndpoints.Start(system, registry, endpoints));
    }
}
