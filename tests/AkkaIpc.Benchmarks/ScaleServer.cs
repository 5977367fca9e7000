using System.Globalization;

namespace AkkaIpc.Benchmarks;

/// <summary>
/// One scale server process (peer mode <c>serve-actors</c> or <c>serve-raw</c>), spoken to through
/// <see cref="ServerCommandLoop"/>, and what the benchmark remembers about it from one level to the next.
/// </summary>
internal sealed class ScaleServer
{
    private static readonly TimeSpan CommandTimeout = TimeSpan.FromSeconds(60);
    private readonly PeerProcess _process;

    private ScaleServer(string layer, string path, PeerProcess process)
    {
        Layer = layer;
        Path = path;
        _process = process;
    }

    /// <summary>The server's part of the result names: <c>actors</c>, or <c>raw-uds</c> for the comparison.</summary>
    public string Layer { get; }

    public string Path { get; }

    public int Pid => _process.Pid;

    /// <summary>The settled VmRSS with no client attached, read after the last level (the next level's baseline).</summary>
    public long? IdleRssKib { get; set; }

    public static async Task<ScaleServer> StartAsync(string layer, string serverMode)
    {
        var path = SocketPaths.New();
        try
        {
            return new ScaleServer(layer, path, await PeerProcess.StartAsync(serverMode, path).ConfigureAwait(false));
        }
        catch
        {
            SocketPaths.Delete(path);
            throw;
        }
    }

    public async Task<string> CommandAsync(string command)
    {
        await _process.SendLineAsync(command).ConfigureAwait(false);
        var reply = await _process.ReadLineAsync(CommandTimeout).ConfigureAwait(false);
        if (reply.StartsWith("ERROR", StringComparison.Ordinal))
            throw new InvalidOperationException($"{Layer} server: {reply}");
        return reply;
    }

    /// <summary>The server's running totals (<c>STATS</c>): CPU, work items, allocations, collections.</summary>
    public async Task<IReadOnlyDictionary<string, double>> StatsAsync() =>
        KeyValueLine.Parse(await CommandAsync("STATS").ConfigureAwait(false), "STATS");

    /// <summary>The server learns of connects and disconnects asynchronously; poll its count, bounded.</summary>
    public async Task WaitForConnectionsAsync(int expected)
    {
        var deadline = DateTime.UtcNow + CommandTimeout;
        var wanted = expected.ToString(CultureInfo.InvariantCulture);
        string reply;
        while ((reply = await CommandAsync("CONNS").ConfigureAwait(false)) != wanted)
        {
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"the {Layer} server has {reply} connections, expected {expected}");
            await Task.Delay(20).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// The server's VmRSS after a full compacting GC, once it has stopped moving: the GC hands freed regions back
    /// to the OS gradually, so a single reading right after the collection can be megabytes off either way.
    /// Settled means three readings 100 ms apart within 64 KiB of each other (at most 3 s of waiting).
    /// Also answers the managed heap and GC-committed sizes and a few /proc fields, for the log.
    /// </summary>
    public async Task<(long Kib, string Described)> SettledRssKibAsync()
    {
        var gc = await CommandAsync("GC").ConfigureAwait(false);
        var readings = new List<long> { MachineInfo.ReadRssKib(Pid) };
        for (var i = 0; i < 30; i++)
        {
            await Task.Delay(100).ConfigureAwait(false);
            readings.Add(MachineInfo.ReadRssKib(Pid));
            var last = readings.TakeLast(3).ToArray();
            if (last.Length == 3 && last.Max() - last.Min() <= 64)
                break;
        }

        return (readings[^1], $"{MachineInfo.DescribeMemory(Pid)}, GC {gc}");
    }

    /// <summary>Closes the server's stdin and waits for it to exit (killed if it does not); removes its socket file.</summary>
    public async Task<bool> StopAsync()
    {
        try
        {
            return await _process.StopAsync(TimeSpan.FromSeconds(10)).ConfigureAwait(false);
        }
        finally
        {
            SocketPaths.Delete(Path);
        }
    }
}
