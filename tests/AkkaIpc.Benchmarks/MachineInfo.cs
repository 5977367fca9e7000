using System.Globalization;
using System.Runtime.InteropServices;
using System.Text.Json.Nodes;

namespace AkkaIpc.Benchmarks;

/// <summary>What the figures were measured on, read from the runtime and /proc.</summary>
internal static class MachineInfo
{
    public static JsonObject Describe(string? loadBefore, string? loadAfter, bool quick) => new()
    {
        ["cores"] = Environment.ProcessorCount,
        ["memory_mib"] = MemTotalKib() is { } kib ? kib / 1024 : null,
        ["os"] = RuntimeInformation.OSDescription,
        ["dotnet_version"] = RuntimeInformation.FrameworkDescription,
        ["cpu_model"] = CpuModel(),
        ["gc"] = System.Runtime.GCSettings.IsServerGC ? "server" : "workstation",
        ["nofile_limit"] = ReadNoFileLimit(),
        ["loadavg_before"] = loadBefore,
        ["loadavg_after"] = loadAfter,
        ["run_mode"] = quick ? "quick" : "full",
        ["run_at_utc"] = DateTime.UtcNow.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
    };

    public static string? LoadAverage() => TryRead("/proc/loadavg")?.Trim();

    public static string? CpuModel()
    {
        var text = TryRead("/proc/cpuinfo");
        if (text is null)
            return null;
        foreach (var line in text.Split('\n'))
        {
            if (line.StartsWith("model name", StringComparison.Ordinal))
                return line[(line.IndexOf(':', StringComparison.Ordinal) + 1)..].Trim();
        }

        return null;
    }

    /// <summary>"Max open files" of this process (the .NET runtime raises the soft limit to the hard one at start).</summary>
    public static string? ReadNoFileLimit() => NoFileLimit() is var (soft, hard) ? $"{soft} soft / {hard} hard" : null;

    /// <summary>The soft limit on open descriptors, as this process's peers (also .NET processes) will have it.</summary>
    public static long? SoftNoFileLimit() => NoFileLimit() is var (soft, _) && long.TryParse(soft, out var n) ? n : null;

    private static (string Soft, string Hard)? NoFileLimit()
    {
        var text = TryRead("/proc/self/limits");
        var line = text?.Split('\n').FirstOrDefault(l => l.StartsWith("Max open files", StringComparison.Ordinal));
        if (line is null)
            return null;
        var parts = line["Max open files".Length..].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return parts.Length >= 2 ? (parts[0], parts[1]) : null;
    }

    /// <summary>VmRSS of a process in KiB, from /proc/PID/status.</summary>
    public static long ReadRssKib(int pid)
    {
        var text = TryRead($"/proc/{pid}/status") ?? throw new InvalidOperationException($"cannot read /proc/{pid}/status");
        return StatusField(text, "VmRSS:") ?? throw new InvalidOperationException($"/proc/{pid}/status has no VmRSS");
    }

    /// <summary>A few /proc/PID/status fields that explain a VmRSS change (thread count, anonymous vs file pages).</summary>
    public static string DescribeMemory(int pid)
    {
        var text = TryRead($"/proc/{pid}/status") ?? "";
        return $"VmRSS {StatusField(text, "VmRSS:")} KiB (anon {StatusField(text, "RssAnon:")}, file {StatusField(text, "RssFile:")}), " +
               $"threads {StatusField(text, "Threads:")}";
    }

    /// <summary>
    /// Scheduler totals over the live threads of a process: time spent runnable but waiting for a CPU (run-queue
    /// wait, /proc/PID/task/*/schedstat) and context switches, voluntary (the thread blocked: a sleep and a later
    /// wake-up) and involuntary (it was preempted). Threads that exit take their counts with them.
    /// </summary>
    public static (double RunQueueWaitMs, long Voluntary, long Involuntary) SchedulerTotals(int pid)
    {
        double waitNs = 0;
        long voluntary = 0, involuntary = 0;
        string[] tasks;
        try
        {
            tasks = Directory.GetDirectories($"/proc/{pid}/task");
        }
        catch (DirectoryNotFoundException)
        {
            return (0, 0, 0);
        }

        foreach (var task in tasks)
        {
            if (TryRead(Path.Combine(task, "schedstat"))?.Split(' ') is { Length: >= 2 } fields &&
                double.TryParse(fields[1], NumberStyles.Float, CultureInfo.InvariantCulture, out var ns))
                waitNs += ns;
            var status = TryRead(Path.Combine(task, "status")) ?? "";
            voluntary += StatusField(status, "voluntary_ctxt_switches:") ?? 0;
            involuntary += StatusField(status, "nonvoluntary_ctxt_switches:") ?? 0;
        }

        return (waitNs / 1e6, voluntary, involuntary);
    }

    private static long? MemTotalKib() => TryRead("/proc/meminfo") is { } text ? StatusField(text, "MemTotal:") : null;

    private static long? StatusField(string text, string key)
    {
        foreach (var line in text.Split('\n'))
        {
            if (line.StartsWith(key, StringComparison.Ordinal))
            {
                var parts = line[key.Length..].Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
                return long.Parse(parts[0], CultureInfo.InvariantCulture);
            }
        }

        return null;
    }

    private static string? TryRead(string path)
    {
        try
        {
            return File.ReadAllText(path);
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }
}
