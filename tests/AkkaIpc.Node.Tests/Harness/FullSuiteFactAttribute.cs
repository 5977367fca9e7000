namespace AkkaIpc.Node.Tests.Harness;

/// <summary>
/// A test that runs only in the full suite (<c>AKKA_IPC_SUITE=full</c>, <c>tests/run-full-suite</c>) and shows as
/// skipped, with the reason, elsewhere.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
internal sealed class FullSuiteFactAttribute : FactAttribute
{
    public FullSuiteFactAttribute(string reason)
    {
        if (!SuiteMode.Full)
        {
            Skip = "full suite only (AKKA_IPC_SUITE=full): " + reason;
        }
    }
}
