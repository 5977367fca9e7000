namespace AkkaIpc.Node.Cli;

/// <summary>The options every command accepts (see <see cref="NodeCommandLine"/>).</summary>
/// <param name="ConfigFile">A HOCON file read over the library's reference.conf, or null.</param>
/// <param name="Settings">The <c>--set key=value</c> overrides, in command-line order (later wins).</param>
/// <param name="Framing"><c>raw</c>, <c>length-prefixed</c>, or null for the configured framing.</param>
/// <param name="PrintConfig">Print the effective <c>akka.ipc</c> configuration instead of running.</param>
internal sealed record NodeOptions(string? ConfigFile, IReadOnlyList<string> Settings, string? Framing, bool PrintConfig)
{
    public static readonly NodeOptions Default = new(null, [], null, false);
}
