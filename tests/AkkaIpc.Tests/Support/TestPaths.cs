namespace AkkaIpc.Tests.Support;

/// <summary>Short, unique socket paths under the temp directory (well under the 103-byte limit).</summary>
internal static class TestPaths
{
    public static string NewSocketPath() => Path.Combine("/tmp", $"aipc-{Guid.NewGuid().ToString("N")[..8]}.sock");

    public static void Delete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
            // Clean-up only: a file that cannot be removed does not change any test's outcome.
        }
    }
}
