using System.Globalization;

namespace AkkaIpc.Node.Tests.Harness;

/// <summary>
/// A process's open descriptors and resident memory, read from /proc. Descriptors of loaded assemblies are not
/// counted: the runtime opens them as code paths first run, which is not a leak.
/// </summary>
internal readonly record struct ProcessStats(int Descriptors, long RssMiB)
{
    public static ProcessStats Of(int pid)
    {
        var rssKiB = File.ReadLines($"/proc/{pid}/status")
            .Where(line => line.StartsWith("VmRSS:", StringComparison.Ordinal))
            .Select(line => long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture))
            .Single();
        var descriptors = new DirectoryInfo($"/proc/{pid}/fd").EnumerateFileSystemInfos()
            .Count(descriptor => descriptor.LinkTarget is not { } target || !target.EndsWith(".dll", StringComparison.Ordinal));
        return new ProcessStats(descriptors, rssKiB / 1024);
    }

    /// <summary>Fails unless <paramref name="end"/> is within 5 descriptors and 30 MiB of <paramref name="start"/>.</summary>
    public static void AssertFlat(ProcessStats start, ProcessStats end, string what)
    {
        Assert.True(Math.Abs(end.Descriptors - start.Descriptors) <= 5, $"{what}: descriptors went from {start.Descriptors} to {end.Descriptors}");
        Assert.True(Math.Abs(end.RssMiB - start.RssMiB) <= 30, $"{what}: RSS went from {start.RssMiB} MiB to {end.RssMiB} MiB");
    }
}
