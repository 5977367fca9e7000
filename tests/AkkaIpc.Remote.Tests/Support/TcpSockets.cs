
namespace AkkaIpc.Remote.Tests.Support;

/// <summary>How many TCP ports a process listens on: its descriptors' socket inodes against the LISTEN rows of /proc/net/tcp and tcp6.</summary>
internal static class TcpSockets
{
    public static int ListeningCount(int pid)
    {
        var inodes = new HashSet<string>();
        foreach (var fd in Directory.EnumerateFiles($"/proc/{pid}/fd"))
        {
            try
            {
                if (new FileInfo(fd).LinkTarget is { } target && target.StartsWith("socket:[", StringComparison.Ordinal))
                    inodes.Add(target[8..^1]);
            }
            catch (IOException)
            {
                // The descriptor closed while we looked: it was not a listening socket of interest.
            }
        }

        var count = 0;
        foreach (var table in new[] { "/proc/net/tcp", "/proc/net/tcp6" })
        {
            if (!File.Exists(table))
                continue;
            foreach (var line in File.ReadLines(table).Skip(1))
            {
                var columns = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                if (columns.Length > 9 && columns[3] == "0A" && inodes.Contains(columns[9]))
                    count++;
            }
        }

        return count;
    }
}
