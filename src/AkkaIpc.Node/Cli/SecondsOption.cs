namespace AkkaIpc.Node.Cli;

/// <summary>
/// A whole number of seconds given on the command line (<c>send --timeout</c>, <c>demo --step-timeout</c>).
/// The waits run on .NET timers, which take at most <see cref="int.MaxValue"/> milliseconds (about 24.8 days);
/// a longer wait is refused here as a usage error instead of failing inside the timer.
/// </summary>
internal static class SecondsOption
{
    public const int Max = int.MaxValue / 1000;

    /// <exception cref="NodeExitException">Not between 1 and <see cref="Max"/> (exit code 1).</exception>
    public static TimeSpan Parse(string option, int seconds) =>
        seconds is >= 1 and <= Max
            ? TimeSpan.FromSeconds(seconds)
            : throw NodeExitException.Usage($"{option} must be 1 to {Max} seconds, not {seconds}");
}
