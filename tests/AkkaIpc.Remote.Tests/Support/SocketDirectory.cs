namespace AkkaIpc.Remote.Tests.Support;

/// <summary>A fresh, short socket directory per test under /tmp (0700), removed with everything in it afterwards.</summary>
internal sealed class SocketDirectory : IDisposable
{
    public SocketDirectory()
    {
        Path = System.IO.Path.Combine("/tmp", $"arm-{Guid.NewGuid().ToString("N")[..8]}");
        Directory.CreateDirectory(Path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
    }

    public string Path { get; }

    public string File(string host, int port) => IpcAddressScheme.SocketPath(Path, host, port);

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // Clean-up only: a leftover directory under /tmp changes no test's outcome.
        }
    }
}
