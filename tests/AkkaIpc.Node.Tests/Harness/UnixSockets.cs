using System.Diagnostics;

namespace AkkaIpc.Node.Tests.Harness;

/// <summary>
/// Kernel facts about Unix sockets, for waits that must not depend on timing. Only for listeners that are not the
/// node (socat, Python), which announce nothing: the node prints <c>Listening: path</c>, and tests wait for that.
/// </summary>
internal static class UnixSockets
{
    // __SO_ACCEPTCON in /proc/net/unix's Flags column: the socket is in listen().
    private const int AcceptConnections = 0x10000;

    /// <summary>
    /// Waits until the kernel lists a socket in <c>listen()</c> at <paramref name="path"/>: the moment a
    /// peer may connect. Reads /proc/net/unix, so it proves the state instead of guessing a delay.
    /// </summary>
    public static void WaitUntilListening(string path, TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        while (!IsListening(path))
        {
            if (clock.Elapsed > timeout)
            {
                throw new TimeoutException($"nothing listened on {path} within {timeout.TotalSeconds} s");
            }

            // Polling a kernel table: the short pause only spaces out the reads, it synchronises nothing.
            Thread.Sleep(20);
        }
    }

    public static bool IsListening(string path)
    {
        foreach (var line in File.ReadLines("/proc/net/unix").Skip(1))
        {
            // Num RefCount Protocol Flags Type St Inode Path
            var fields = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (fields.Length >= 8 && fields[7] == path
                && (int.Parse(fields[3], System.Globalization.NumberStyles.HexNumber, System.Globalization.CultureInfo.InvariantCulture) & AcceptConnections) != 0)
            {
                return true;
            }
        }

        return false;
    }
}
