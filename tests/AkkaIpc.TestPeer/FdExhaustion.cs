using System.Runtime.InteropServices;

namespace AkkaIpc.TestPeer;

/// <summary>Runs this process out of file descriptors on purpose (for the 100 / no-crash tests).</summary>
internal static partial class FdExhaustion
{
    private const int RlimitNoFile = 7;

    /// <summary>Lowers the soft descriptor limit to <paramref name="limit"/> and opens /dev/null until the OS says no.</summary>
    internal static List<FileStream> Exhaust(ulong limit)
    {
        LowerLimit(limit);
        var hogs = new List<FileStream>();
        while (true)
        {
            try
            {
                hogs.Add(new FileStream("/dev/null", FileMode.Open, FileAccess.Read));
            }
            catch (IOException)
            {
                return hogs;
            }
        }
    }

    /// <summary>Lowers the soft descriptor limit to <paramref name="limit"/> (never above the hard limit).</summary>
    internal static void LowerLimit(ulong limit)
    {
        if (GetRLimit(RlimitNoFile, out var current) != 0)
        {
            throw new InvalidOperationException("getrlimit failed");
        }

        var lowered = new RLimit { Current = Math.Min(limit, current.Max), Max = current.Max };
        if (SetRLimit(RlimitNoFile, in lowered) != 0)
        {
            throw new InvalidOperationException("setrlimit failed");
        }
    }

    [LibraryImport("libc", EntryPoint = "getrlimit")]
    private static partial int GetRLimit(int resource, out RLimit limit);

    [LibraryImport("libc", EntryPoint = "setrlimit")]
    private static partial int SetRLimit(int resource, in RLimit limit);

    [StructLayout(LayoutKind.Sequential)]
    private struct RLimit
    {
        public ulong Current;
        public ulong Max;
    }
}
