using System.Net.Sockets;

namespace AkkaIpc.Sockets.Internal;

/// <summary>
/// The socket-file rules shared by <see cref="IpcSocket.Listen"/> and <see cref="IpcListener.Start"/>:
/// reclaim a stale socket file (one no listening socket is bound to, by device and inode; never found out by
/// connecting), never touch a live listener's file or a non-socket, bind → chmod (never through a symlink) → listen
/// (all three in turn with other listeners of the directory),
/// and on close remove only the file this process created (same device and inode).
/// </summary>
internal static class SocketFile
{
    /// <summary>Binds a listening socket at <paramref name="path"/> and sets the file's mode before listening.</summary>
    /// <param name="path">A validated path.</param>
    /// <param name="mode">The socket file's mode.</param>
    /// <param name="backlog">The listen backlog.</param>
    /// <param name="identity">The created file's identity, for <see cref="RemoveIfOwned"/>.</param>
    /// <exception cref="IpcSocketException">105 for a live listener or a non-socket file; 100 for other OS refusals.</exception>
    internal static Socket BindAndListen(string path, UnixFileMode mode, int backlog, out FileIdentity identity)
    {
        // Reclaim, bind and listen in turn with other listeners of the directory (see DirectoryLock).
        using var turn = DirectoryLock.Acquire(path);
        ReclaimIfStale(path);
        var socket = SocketErrors.CreateSocket(path);
        FileIdentity? created = null;
        try
        {
            try
            {
                socket.Bind(new UnixPathEndPoint(path));
            }
            catch (SocketException e)
            {
                throw SocketErrors.ForBind(e, path);
            }

            // Not listening yet, so no peer can connect before the mode is in place.
            created = SetMode(path, mode);

            try
            {
                socket.Listen(backlog);
            }
            catch (SocketException e)
            {
                throw SocketErrors.ForBind(e, path);
            }

            identity = created.Value;
            return socket;
        }
        catch
        {
            if (created is { } ours)
            {
                RemoveIfOwned(path, ours);
            }

            socket.Dispose();

            throw;
        }
    }

    /// <summary>
    /// Sets the mode of the socket file just bound at <paramref name="path"/> and returns its identity. Never follows a
    /// symlink: the file is opened with O_PATH | O_NOFOLLOW, checked to be a socket, and its mode set through that
    /// descriptor (/proc/self/fd), so a symlink swapped in after bind (in a writable directory without the sticky bit)
    /// cannot make it change another file's mode.
    /// </summary>
    /// <exception cref="IpcSocketException">100 when the file is gone, is not a socket, or its mode cannot be set.</exception>
    internal static FileIdentity SetMode(string path, UnixFileMode mode)
    {
        var fd = NativeMethods.OpenPathNoFollow(path, out var errno);
        if (fd < 0)
        {
            throw new IpcSocketException(
                IpcErrorCode.OpenDriverError, $"cannot open the socket file to set its mode (errno {errno})", path);
        }

        try
        {
            var found = FileIdentity.OfDescriptor(fd);
            if (found is not { Kind: FileKind.Socket } socketFile)
            {
                throw new IpcSocketException(
                    IpcErrorCode.OpenDriverError,
                    $"the socket file was replaced by a {(found is { } other ? Describe(other.Kind) : "file that cannot be examined")} " +
                    "before its mode was set; it is left untouched",
                    path);
            }

            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode($"/proc/self/fd/{fd}", mode);
            }

            return socketFile;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new IpcSocketException(
                IpcErrorCode.OpenDriverError, $"cannot set the socket file's mode: {e.Message}", path, e);
        }
        finally
        {
            NativeMethods.Close(fd);
        }
    }

    /// <summary>
    /// Removes the socket file at <paramref name="path"/> if it is still <paramref name="identity"/>. Call it while the
    /// socket bound to the file is still open: the open socket pins the inode, so an equal (device, inode) pair cannot
    /// belong to a newer file that reused a freed inode number.
    /// </summary>
    internal static void RemoveIfOwned(string path, FileIdentity identity)
    {
        if (FileIdentity.Of(path) != identity)
        {
            // Replaced or already gone: someone else's file now, leave it.
            return;
        }

        try
        {
            File.Delete(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Best effort: a file we cannot remove is reclaimed as stale by the next Listen.
        }
    }

    private static void ReclaimIfStale(string path)
    {
        var existing = FileIdentity.Of(path);
        if (existing is not { } found)
        {
            // Nothing there (or the lookup failed, e.g. ENOTDIR): bind reports the real reason.
            return;
        }

        if (found.Kind != FileKind.Socket)
        {
            throw new IpcSocketException(
                IpcErrorCode.AddressInUseError,
                $"a {Describe(found.Kind)} stands at the path; it is not a socket and is left untouched",
                path);
        }

        // Never connect to find out: a single-peer listener would take the probe as its one peer.
        switch (ListeningSockets.IsListening(path, found))
        {
            case true:
                throw new IpcSocketException(IpcErrorCode.AddressInUseError, "a live listener answers at the path", path);
            case null:
                throw new IpcSocketException(
                    IpcErrorCode.AddressInUseError,
                    "cannot tell whether a listener is bound to the socket file (/proc/net/unix is unreadable, or lists a " +
                    "listener bound by a relative path of the same name); it is left untouched",
                    path);
        }

        // Stale: no listener is bound to it. Remove it only if it is still the file we looked at.
        if (FileIdentity.Of(path) == found)
        {
            try
            {
                File.Delete(path);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw new IpcSocketException(
                    IpcErrorCode.OpenDriverError, $"cannot remove the stale socket file: {e.Message}", path, e);
            }
        }
    }

    private static string Describe(FileKind kind) => kind switch
    {
        FileKind.RegularFile => "regular file",
        FileKind.Directory => "directory",
        FileKind.Symlink => "symbolic link",
        _ => "special file",
    };
}
