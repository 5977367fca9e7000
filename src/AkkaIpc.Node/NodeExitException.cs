namespace AkkaIpc.Node;

/// <summary>
/// An expected failure that ends the command: <see cref="Program"/> prints <see cref="Exception.Message"/>
/// as the one stderr line (no stack trace) and exits with <see cref="ExitCode"/>.
/// </summary>
internal sealed class NodeExitException : Exception
{
    public NodeExitException(int exitCode, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        ExitCode = exitCode;
    }

    public int ExitCode { get; }

    public static NodeExitException Usage(string message) => new(ExitCodes.Usage, "usage: " + message);

    public static NodeExitException Timeout(string what, TimeSpan limit) =>
        new(ExitCodes.Timeout, $"timeout: {what} did not happen within {limit.TotalSeconds:0.#} s");
}
