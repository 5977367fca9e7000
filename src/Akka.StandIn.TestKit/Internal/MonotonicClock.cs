using System.Diagnostics;

namespace Akka.TestKit.Internal;

/// <summary>Time since process start on a monotonic clock; deadlines are expressed on it.</summary>
internal static class MonotonicClock
{
    private static readonly long Start = Stopwatch.GetTimestamp();

    internal static TimeSpan Now => Stopwatch.GetElapsedTime(Start);
}
