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
        return errno == 0 ? From(st) : null;
    }

    internal static FileIdentity? Of(string path) => Of(path, out _);

    /// <summary>The identity of the file an open descriptor refers to, or null when fstat fails.</summary>
    internal static FileIdentity? OfDescriptor(int fd) =>
        NativeMethods.FStat(fd, out var st) == 0 ? From(st) : null;

    private static FileIdentity From(NativeMethods.StatxBuffer st)
    {
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
}
