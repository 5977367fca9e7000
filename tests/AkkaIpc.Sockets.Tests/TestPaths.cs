namespace AkkaIpc.Sockets.Tests;

/// <summary>Short, unique socket paths under the temp directory, removed when the test ends.</summary>
internal sealed class TestPaths : IDisposable
{
    private readonly List<string> _paths = [];

    /// <summary>A fresh path like /tmp/aipc-1a2b3c4d.sock (nothing exists there yet).</summary>
    public string Next()
    {
        var path = Path.Combine(Path.GetTempPath(), $"aipc-{Guid.NewGuid().ToString("N")[..8]}.sock");
        _paths.Add(path);
        return path;
    }

    /// <summary>Registers an extra path (file or directory) to remove at the end.</summary>
    public string Track(string path)
    {
        _paths.Add(path);
        return path;
    }

    public void Dispose()
    {
        foreach (var path in Enumerable.Reverse(_paths))
        {
            try
            {
                if (Directory.Exists(path) && !File.GetAttributes(path).HasFlag(FileAttributes.ReparsePoint))
                {
                    Directory.Delete(path, recursive: true);
                }
                else
                {
                    File.Delete(path);
                }
            }
            catch (IOException)
            {
                // Cleanup of a test artefact; a failure here must not hide the test's own result.
            }
            catch (UnauthorizedAccessException)
            {
                // Same as above.
            }
        }
    }
}
