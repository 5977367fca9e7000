namespace AkkaIpc.TestKit;

/// <summary>
/// Short, unique socket paths for one spec, inside a directory of their own under <c>/tmp</c> (mode 0711: others may
/// reach a socket in it, as the socket file's own mode allows, but not list it), all well inside the 103-byte limit; <see cref="Dispose"/> removes the directory and whatever socket files are left in it.
/// </summary>
public sealed class SocketPaths : IDisposable
{
    private int _next;

    /// <summary>Creates the directory.</summary>
    public SocketPaths()
    {
        var root = System.IO.Directory.Exists("/tmp") ? "/tmp" : Path.GetTempPath();
        var directory = System.IO.Directory.CreateDirectory(Path.Combine(root, "aipc-" + Guid.NewGuid().ToString("N")[..8]));
        if (!OperatingSystem.IsWindows())
            directory.UnixFileMode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute
                | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute;
        Directory = directory.FullName;
    }

    /// <summary>The directory the paths are in.</summary>
    public string Directory { get; }

    /// <summary>A new path (nothing is created there).</summary>
    /// <param name="name">A readable name for the file, or null for a number.</param>
    /// <returns>The path.</returns>
    public string New(string? name = null) =>
        Path.Combine(Directory, (name ?? Interlocked.Increment(ref _next).ToString(System.Globalization.CultureInfo.InvariantCulture)) + ".sock");

    /// <inheritdoc />
    public void Dispose()
    {
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
            // Clean-up only.
        }
    }
}
