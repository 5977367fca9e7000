using System.Runtime.InteropServices;

namespace AkkaIpc.Sockets.Internal;

/// <summary>
/// The few libc calls the BCL does not offer: file identity (device, inode, type), a descriptor for a path that does
/// not follow a final symlink, advisory locks, and the effective uid.
/// </summary>
internal static partial class NativeMethods
{
    internal const int ENOENT = 2;
    internal const int EACCES = 13;
    internal const int ENOTDIR = 20;
    internal const int ENFILE = 23;
    internal const int EMFILE = 24;
    internal const int EROFS = 30;

    private const int AtFdCwd = -100;
    private const int AtEmptyPath = 0x1000;
    private const int OPath = 0x200000;
    private const int OCloExec = 0x80000;
    private const int LockExclusive = 2;
    private const int LockUnlock = 8;
    private const int AtSymlinkNoFollow = 0x100;
    private const uint StatxType = 0x1;
    private const uint StatxMode = 0x2;
    private const uint StatxIno = 0x100;

    /// <summary>
    /// lstat through <c>statx</c>, whose struct layout is the same on every architecture (unlike <c>struct stat</c>).
    /// Returns 0 or the errno.
    /// </summary>
    internal static int LStat(string path, out StatxBuffer buffer)
    {
        var result = Statx(AtFdCwd, path, AtSymlinkNoFollow, StatxType | StatxMode | StatxIno, out buffer);
        return result == 0 ? 0 : Marshal.GetLastPInvokeError();
    }

    /// <summary>statx of an open descriptor (AT_EMPTY_PATH). Returns 0 or the errno.</summary>
    internal static int FStat(int fd, out StatxBuffer buffer)
    {
        var result = Statx(fd, string.Empty, AtEmptyPath | AtSymlinkNoFollow, StatxType | StatxMode | StatxIno, out buffer);
        return result == 0 ? 0 : Marshal.GetLastPInvokeError();
    }

    /// <summary>
    /// open(path, O_PATH | O_NOFOLLOW | O_CLOEXEC): a descriptor for the file itself, or for the symlink that stands
    /// at the path (never its target). Returns the descriptor, or -1 with <paramref name="errno"/> set.
    /// </summary>
    internal static int OpenPathNoFollow(string path, out int errno)
    {
        // O_NOFOLLOW is one of the few flags whose value differs between architectures.
        var noFollow = RuntimeInformation.ProcessArchitecture is Architecture.Arm64 or Architecture.Arm ? 0x8000 : 0x20000;
        var fd = Open(path, OPath | noFollow | OCloExec);
        errno = fd < 0 ? Marshal.GetLastPInvokeError() : 0;
        return fd;
    }

    /// <summary>open(path, O_RDONLY | O_CLOEXEC), e.g. of a directory to lock; -1 on failure.</summary>
    internal static int OpenReadOnly(string path) => Open(path, OCloExec);

    /// <summary>open(path, O_RDONLY | O_CLOEXEC); the descriptor, or -1 with <paramref name="errno"/> set.</summary>
    internal static int OpenReadOnly(string path, out int errno)
    {
        var fd = Open(path, OCloExec);
        errno = fd < 0 ? Marshal.GetLastPInvokeError() : 0;
        return fd;
    }

    /// <summary>flock(fd, LOCK_EX), waiting while another descriptor holds it; 0 or -1.</summary>
    internal static int LockExclusively(int fd) => FLock(fd, LockExclusive);

    /// <summary>flock(fd, LOCK_UN).</summary>
    internal static int Unlock(int fd) => FLock(fd, LockUnlock);

    [LibraryImport("libc", EntryPoint = "close")]
    internal static partial int Close(int fd);

    /// <summary>access(path, W_OK|X_OK): 0 when this process may create files in the directory, else the errno.</summary>
    /// <remarks>The trailing "/." makes a regular file in place of the directory fail with ENOTDIR.</remarks>
    internal static int CheckWritable(string directory) =>
        Access(directory.TrimEnd('/') + "/.", 2 | 1) == 0 ? 0 : Marshal.GetLastPInvokeError();

    [LibraryImport("libc", EntryPoint = "geteuid")]
    internal static partial uint GetEffectiveUserId();

    [LibraryImport("libc", EntryPoint = "statx", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int Statx(int dirFd, string path, int flags, uint mask, out StatxBuffer buffer);

    [LibraryImport("libc", EntryPoint = "open", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int Open(string path, int flags);

    [LibraryImport("libc", EntryPoint = "flock", SetLastError = true)]
    private static partial int FLock(int fd, int operation);

    [LibraryImport("libc", EntryPoint = "access", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int Access(string path, int mode);

    /// <summary>The fields of Linux <c>struct statx</c> this project reads; the struct is 256 bytes.</summary>
    [StructLayout(LayoutKind.Explicit, Size = 256)]
    internal struct StatxBuffer
    {
        [FieldOffset(28)] public ushort Mode;
        [FieldOffset(32)] public ulong Inode;
        [FieldOffset(136)] public uint DevMajor;
        [FieldOffset(140)] public uint DevMinor;
    }
}
