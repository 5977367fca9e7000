namespace AkkaIpc.Sockets.Internal;

/// <summary>
/// An exclusive advisory lock (flock) on the directory of a socket path, held while a listener reclaims a stale file,
/// binds and starts listening: two listeners reclaiming the same stale file take turns, so the second finds the first
/// one's fresh file live and never deletes it (even when it got the stale file's inode number). Best effort: when the
/// directory cannot be opened for reading (a directory without the read bit) nothing is locked.
/// </summary>
internal sealed class DirectoryLock : IDisposable
{
    private int _fd;

    private DirectoryLock(int fd) => _fd = fd;

    /// <summary>Waits for and takes the lock of <paramref name="path"/>'s directory.</summary>
    internal static DirectoryLock Acquire(string path)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(path)) ?? "/";
        var fd = NativeMethods.OpenReadOnly(directory);
        if (fd >= 0 && NativeMethods.LockExclusively(fd) != 0)
        {
            NativeMethods.Close(fd);
            fd = -1;
        }

        return new DirectoryLock(fd);
    }

    public void Dispose()
    {
        if (_fd < 0)
        {
            return;
        }

        NativeMethods.Unlock(_fd);
        NativeMethods.Close(_fd);
        _fd = -1;
    }
}
