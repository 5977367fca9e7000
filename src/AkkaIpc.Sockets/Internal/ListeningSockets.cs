namespace AkkaIpc.Sockets.Internal;

/// <summary>
/// Whether a socket file has a live listener, asked of the kernel instead of by connecting: a test connection would be
/// accepted by a single-peer listener as its one peer and end its session. /proc/net/unix lists each listening socket
/// with the path it was bound by (and the inode of the socket itself, not of its file), so each listed path is looked
/// up and compared by identity (device and inode) with the file in question: a path spelt differently (<c>./</c>,
/// <c>//</c>, a symlinked directory such as /var/run for /run) still matches.
/// </summary>
internal static class ListeningSockets
{
    private const string ProcNetUnix = "/proc/net/unix";

    // __SO_ACCEPTCON: the socket is listening.
    private const int AcceptCon = 0x10000;

    /// <summary>
    /// <see langword="true"/> when a listening socket is bound to the file <paramref name="identity"/>;
    /// <see langword="false"/> when none is; <see langword="null"/> when the kernel's table cannot tell (unreadable, or
    /// a listener bound by a relative path with the same file name, relative to a directory this process cannot know).
    /// </summary>
    internal static bool? IsListening(string path, FileIdentity identity)
    {
        string[] lines;
        try
        {
            lines = File.ReadAllLines(ProcNetUnix);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }

        var name = Path.GetFileName(path);
        var ambiguous = false;

        // "Num RefCount Protocol Flags Type St Inode Path"; the path is the rest of the line and may hold spaces.
        foreach (var line in lines.Skip(1))
        {
            var fields = line.Split(' ', 8, StringSplitOptions.RemoveEmptyEntries);
            if (fields.Length < 8 || !int.TryParse(fields[3], System.Globalization.NumberStyles.HexNumber, null, out var flags)
                || (flags & AcceptCon) == 0)
            {
                continue;
            }

            var bound = fields[7];
            if (bound.StartsWith('/'))
            {
                if (FileIdentity.Of(bound) == identity)
                {
                    return true;
                }
            }
            else if (!bound.StartsWith('@') && Path.GetFileName(bound) == name)
            {
                ambiguous = true;
            }
        }

        return ambiguous ? null : false;
    }
}
