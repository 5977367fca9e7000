namespace AkkaIpc.Benchmarks;

/// <summary>Short, unique socket paths under the temp directory (sun_path is only 108 bytes).</summary>
internal static class SocketPaths
{
    public static string New() => Path.Combine(Path.GetTempPath(), $"aipc-{Guid.NewGuid().ToString("N")[..8]}.sock");

    /// <summary>Removes a socket file a peer may have left behind (peers normally remove their own).</summary>
    public static void Delete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
            // Best effort: the peer normally removes its own file.
        }
    }
}
