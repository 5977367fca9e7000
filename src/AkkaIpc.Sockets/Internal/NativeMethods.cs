using System.Runtime.InteropServices;

namespace AkkaIpc.Sockets.Internal;

/// <summary>The few libc calls the BCL does not offer: file identity (device, inode, type) and the effective uid.</summary>
internal static partial class NativeMethods
{
    internal const int ENOENT = 2;
    internal const int EACCES = 13;
    internal const int ENOTDIR = 20;
    internal const int EROFS = 30;

    private const int AtFdCwd = -100;
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

    /// <summary>access(path, W_OK|X_OK): 0 when this process may create files in the directory, else the errno.</summary>
    /// <remarks>The trailing "/." makes a regular file in place of the directory fail with ENOTDIR.</remarks>
    internal static int CheckWritable(string directory) =>
        Access(directory.TrimEnd('/') + "/.", 2 | 1) == 0 ? 0 : Marshal.GetLastPInvokeError();

    [LibraryImport("libc", EntryPoint = "geteuid")]
    internal static partial uint GetEffectiveUserId();

    [LibraryImport("libc", EntryPoint = "statx", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int Statx(int dirFd, string path, int flags, uint mask, out StatxBuffer buffer);

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
