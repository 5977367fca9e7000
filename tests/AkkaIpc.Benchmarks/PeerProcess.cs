using System.Collections.Concurrent;
using System.Diagnostics;
using System.Reflection;

namespace AkkaIpc.Benchmarks;

/// <summary>
/// A copy of this program started in a peer mode (<c>--peer MODE ARGS...</c>) as a separate OS process.
/// The peer reports readiness with a line <c>READY [info]</c> on stdout and exits when its stdin closes,
/// so it cannot outlive this process; every peer still alive is also killed on dispose and on exit.
/// </summary>
internal sealed class PeerProcess : IDisposable
{
    private static readonly ConcurrentDictionary<int, Process> Live = new();
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);
    private readonly Process _process;
    private int _disposed;

    static PeerProcess()
    {
        AppDomain.CurrentDomain.ProcessExit += (_, _) => KillAll();
        Console.CancelKeyPress += (_, _) => KillAll();
    }

    private PeerProcess(Process process, string readyInfo)
    {
        _process = process;
        Pid = process.Id;
        ReadyInfo = readyInfo;
    }

    public int Pid { get; }

    /// <summary>Whatever followed <c>READY</c> on the peer's first line (e.g. a TCP port).</summary>
    public string ReadyInfo { get; }

    public static async Task<PeerProcess> StartAsync(params string[] peerArgs)
    {
        var psi = new ProcessStartInfo
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = false,
            UseShellExecute = false,
        };
        var host = Environment.ProcessPath ?? throw new InvalidOperationException("cannot find this program's executable");
        psi.FileName = host;
        if (Path.GetFileNameWithoutExtension(host) == "dotnet")
            psi.ArgumentList.Add(Assembly.GetEntryAssembly()!.Location);   // started as `dotnet <dll>`
        psi.ArgumentList.Add("--peer");
        foreach (var a in peerArgs)
            psi.ArgumentList.Add(a);

        var process = Process.Start(psi) ?? throw new InvalidOperationException("could not start the peer process");
        Live[process.Id] = process;
        try
        {
            using var cts = new CancellationTokenSource(StartTimeout);
            var line = await process.StandardOutput.ReadLineAsync(cts.Token).ConfigureAwait(false);
            if (line is null || !line.StartsWith("READY", StringComparison.Ordinal))
                throw new InvalidOperationException($"peer '{string.Join(' ', peerArgs)}' did not start: first line was '{line ?? "<eof>"}'");
            return new PeerProcess(process, line.Length > 6 ? line[6..] : "");
        }
        catch
        {
            Kill(process);
            throw;
        }
    }

    /// <summary>Reads the next line the peer prints (its results), bounded by a timeout.</summary>
    public async Task<string> ReadLineAsync(TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        return await _process.StandardOutput.ReadLineAsync(cts.Token).ConfigureAwait(false)
            ?? throw new InvalidOperationException($"peer {Pid} exited before reporting (exit code {ExitCodeOrNone()})");
    }

    public async Task SendLineAsync(string line)
    {
        await _process.StandardInput.WriteLineAsync(line).ConfigureAwait(false);
        await _process.StandardInput.FlushAsync().ConfigureAwait(false);
    }

    /// <summary>Closes the peer's stdin (its signal to finish) and waits for it to exit, then kills it if needed.</summary>
    public async Task StopAsync(TimeSpan timeout)
    {
        try
        {
            _process.StandardInput.Close();
            using var cts = new CancellationTokenSource(timeout);
            await _process.WaitForExitAsync(cts.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // It did not finish in time; Dispose kills it.
        }
        finally
        {
            Dispose();
        }
    }

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
            return;
        Kill(_process);
        _process.Dispose();
    }

    private string ExitCodeOrNone() => _process.HasExited ? _process.ExitCode.ToString(System.Globalization.CultureInfo.InvariantCulture) : "still running";

    private static void Kill(Process process)
    {
        foreach (var (pid, p) in Live)
        {
            if (ReferenceEquals(p, process))
                Live.TryRemove(pid, out _);
        }

        try
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                process.WaitForExit(5_000);
            }
        }
        catch (InvalidOperationException)
        {
            // Already gone: nothing to kill.
        }
    }

    private static void KillAll()
    {
        foreach (var p in Live.Values)
            Kill(p);
    }
}
