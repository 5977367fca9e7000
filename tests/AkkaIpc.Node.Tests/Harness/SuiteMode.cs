namespace AkkaIpc.Node.Tests.Harness;

/// <summary>
/// Quick or full counts for the chaos and soak suites. Quick (the default, run by <c>.ci/run</c>) keeps the whole
/// node suite within minutes; full runs with <c>AKKA_IPC_SUITE=full</c> (<c>tests/run-full-suite</c>).
/// </summary>
internal static class SuiteMode
{
    public static bool Full => Environment.GetEnvironmentVariable("AKKA_IPC_SUITE") == "full";

    public static int Count(int quick, int full) => Full ? full : quick;
}
