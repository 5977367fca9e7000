namespace AkkaIpc.Sockets.Internal;

/// <summary>What lstat says stands at a path: its type and its (device, inode) identity.</summary>
internal readonly record struct FileIdentity(FileKind Kind, uint DevMajor, uint DevMinor, ulong Inode)
{
    private const int TypeMask = 0xF000;

    /// <summary>Looks at <paramref name="path"/> without following a symlink. Returns <see langword="null"/> when
    /// nothing is there; <paramref name="errno"/> carries the reason when the lookup failed otherwise.</summary>
    internal static FileIdentity? Of(string path, out int errno)
    {
        errno = NativeMethods.LStat(path, out var st);
        if (errno != 0)
        {
            return null;
        }

        var kind = (st.Mode & TypeMask) switch
        {
            0xC000 => FileKind.Socket,
            0xA000 => FileKind.Symlink,
            0x8000 => FileKind.RegularFile,
            0x4000 => FileKind.Directory,
            _ => FileKind.Other,
        };
        return new FileIdentity(kind, st.DevMajor, st.DevMinor, st.Inode);
    }

    internal static FileIdentity? Of(string path) => Of(path, out _);
}
