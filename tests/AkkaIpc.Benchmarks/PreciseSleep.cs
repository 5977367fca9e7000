using System.Diagnostics;
using System.Runtime.InteropServices;

namespace AkkaIpc.Benchmarks;

/// <summary>
/// Sleeping until a point in time with tens of microseconds of precision and without spinning. .NET's own timers
/// (Thread.Sleep, Task.Delay) have millisecond granularity, and a spin for the last fraction of a millisecond would
/// keep a core busy all the time when sends are due every 100 µs, taking it from the server under test (2 cores).
/// Linux only, like the rest of the program.
/// </summary>
internal static partial class PreciseSleep
{
    private const int ClockMonotonic = 1;
    private const int PrSetTimerSlack = 29;
    private const long NanosPerSecond = 1_000_000_000;

    /// <summary>
    /// The kernel may delay a sleeping thread's wake-up by its timer slack (50 µs by default) to batch wake-ups;
    /// this asks for 1 µs for the calling thread. Where that is refused, sleeps are only less precise.
    /// </summary>
    public static void UseFineTimerSlackOnThisThread() => _ = SetTimerSlack(PrSetTimerSlack, 1_000, 0, 0, 0);

    /// <summary>Blocks the calling thread until <see cref="Stopwatch.GetTimestamp"/> reaches <paramref name="timestamp"/>.</summary>
    public static void Until(long timestamp)
    {
        long remaining;
        while ((remaining = timestamp - Stopwatch.GetTimestamp()) > 0)
        {
            var nanos = (long)(remaining * ((double)NanosPerSecond / Stopwatch.Frequency));
            var request = new Timespec { Seconds = nanos / NanosPerSecond, Nanoseconds = nanos % NanosPerSecond };
            // A signal may end the sleep early (EINTR): the loop sleeps again for what is left.
            _ = ClockNanosleep(ClockMonotonic, 0, in request, IntPtr.Zero);
        }
    }

    [LibraryImport("libc", EntryPoint = "clock_nanosleep")]
    private static partial int ClockNanosleep(int clock, int flags, in Timespec request, IntPtr remaining);

    [LibraryImport("libc", EntryPoint = "prctl")]
    private static partial int SetTimerSlack(int option, nint nanoseconds, nint unused3, nint unused4, nint unused5);

    [StructLayout(LayoutKind.Sequential)]
    private struct Timespec
    {
        public long Seconds;
        public long Nanoseconds;
    }
}
