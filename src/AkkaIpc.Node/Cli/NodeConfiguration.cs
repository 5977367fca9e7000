using Akka.Configuration;

namespace AkkaIpc.Node.Cli;

/// <summary>
/// Builds the node's configuration from its options. Precedence, highest first: <c>--framing</c>,
/// <c>--set</c> (later wins), <c>--config FILE</c>, the node's own defaults (quiet Akka logging: stdout
/// belongs to the chat), AkkaIpc's reference.conf.
/// </summary>
internal static class NodeConfiguration
{
    /// <summary>A <c>--set</c> key not starting with this prefix is a key under <c>akka.ipc</c>.</summary>
    public const string FullPathPrefix = "akka.";

    private const string IpcPrefix = "akka.ipc.";

    // Akka's default logger prints to stdout, where it would mix with the chat: the node's logger writes Akka's
    // warnings and errors to stderr instead, and nothing below (no start-up or shutdown chatter on a normal run).
    // The chat's peers are often plain byte-stream tools (socat, a shell), so the node speaks raw unless told
    // otherwise (the library's own default is length-prefixed). `--set akka.loglevel=DEBUG` shows everything.
    // Signals are the node's own (ShutdownSignal): it closes its links in order, then runs Akka's coordinated shutdown.
    private const string NodeDefaults = """
        akka.ipc.socket.framing = raw
        akka.loglevel = WARNING
        akka.loggers = ["AkkaIpc.Node.Hosting.StderrLogger, akka-ipc"]
        akka.stdout-loglevel = OFF
        akka.log-dead-letters = off
        akka.log-dead-letters-during-shutdown = off
        akka.coordinated-shutdown.run-by-clr-shutdown-hook = off
        """;

    /// <exception cref="NodeExitException">A file cannot be read or a value does not parse (exit code 1).</exception>
    public static Config Build(NodeOptions options)
    {
        var config = ConfigurationFactory.ParseString(NodeDefaults).WithFallback(IpcConfig.Default);
        if (options.ConfigFile is { } file)
        {
            config = Parse(ReadFile(file), $"the config file {file}").WithFallback(config);
        }

        foreach (var setting in options.Settings)
        {
            config = Parse(SettingToHocon(setting), $"--set {setting}").WithFallback(config);
        }

        if (options.Framing is { } framing)
        {
            config = Parse($"akka.ipc.socket.framing = {framing}", "--framing").WithFallback(config);
        }

        return config;
    }

    /// <summary><c>key=value</c> to a HOCON line; a key without the <c>akka.</c> prefix is under <c>akka.ipc</c>.</summary>
    /// <exception cref="NodeExitException">No <c>=</c>, or an empty key.</exception>
    public static string SettingToHocon(string setting)
    {
        var equals = setting.IndexOf('=', StringComparison.Ordinal);
        if (equals <= 0)
        {
            throw NodeExitException.Usage($"--set needs key=value, not '{setting}'");
        }

        var key = setting[..equals].Trim();
        var value = setting[(equals + 1)..].Trim();
        var path = key.StartsWith(FullPathPrefix, StringComparison.Ordinal) ? key : "akka.ipc." + key;
        if (path.StartsWith(IpcPrefix, StringComparison.Ordinal) && !IsIpcKey(path))
        {
            // A misspelt key would otherwise be carried along unread, and its setting silently not applied.
            throw NodeExitException.Usage($"--set {setting}: there is no setting {path} (--print-config lists them)");
        }

        return $"{path} = {(value.Length == 0 ? "\"\"" : value)}";
    }

    /// <summary>
    /// Which options set anything outside <c>akka.ipc</c> (only those can upset Akka itself), for the usage line of a
    /// configuration Akka refuses: <c>--set akka.loglevel=NOPE</c>, or <c>--config FILE</c>.
    /// </summary>
    public static string DescribeAkkaSources(NodeOptions options)
    {
        var sources = options.Settings
            .Where(setting => setting.Trim().StartsWith(FullPathPrefix, StringComparison.Ordinal) && !setting.Trim().StartsWith(IpcPrefix, StringComparison.Ordinal))
            .Select(setting => "--set " + setting)
            .ToList();
        if (options.ConfigFile is { } file)
        {
            sources.Add("--config " + file);
        }

        return sources.Count == 0 ? "the node's defaults" : string.Join(" or ", sources);
    }

    private static bool IsIpcKey(string path)
    {
        try
        {
            return IpcConfig.Default.HasPath(path);
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            // Not a path at all: parsing the setting reports it, with the parser's own words.
            return true;
        }
    }

    private static string ReadFile(string file)
    {
        try
        {
            return File.ReadAllText(file);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw NodeExitException.Usage($"cannot read the config file: {exception.Message}: {file}");
        }
    }

    private static Config Parse(string hocon, string source)
    {
        try
        {
            return ConfigurationFactory.ParseString(hocon);
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            // Akka's HOCON parser throws more than one exception type for malformed text; any of them means the
            // text is not valid HOCON.
            throw NodeExitException.Usage($"{source} is not valid HOCON: {exception.Message}");
        }
    }
}
