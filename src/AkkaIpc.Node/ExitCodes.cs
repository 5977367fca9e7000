namespace AkkaIpc.Node;

/// <summary>
/// The process exit codes of <c>akka-ipc</c>; EXIT-CODES.md beside this file is the documented table
/// and must change together with it.
/// </summary>
internal static class ExitCodes
{
    /// <summary>The command did what it was asked to do (includes a clean close on end of input).</summary>
    public const int Ok = 0;

    /// <summary>The command line or the configuration is invalid: unknown command or option, missing
    /// argument, bad option value, unreadable <c>--config</c> file, malformed <c>--set</c>.</summary>
    public const int Usage = 1;

    /// <summary>The socket failed for good (the supervisor gave up or never retried): 100, 102, 103, 105,
    /// 106, 107 or 108; the stderr line carries the code.</summary>
    public const int SocketError = 2;

    /// <summary>A bounded wait expired (a demo step, the acknowledgement of <c>send</c>).</summary>
    public const int Timeout = 3;

    /// <summary>A bug: an unexpected exception; the stderr line names it.</summary>
    public const int Internal = 4;

    /// <summary>Stopped by SIGINT (Ctrl-C) after a clean shutdown: 128 + 2.</summary>
    public const int Interrupted = 130;

    /// <summary>Stopped by SIGTERM after a clean shutdown: 128 + 15.</summary>
    public const int Terminated = 143;
}
