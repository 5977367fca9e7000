using System.Collections.Concurrent;
using System.Diagnostics;
using System.Reflection;
using System.Threading.Channels;

namespace AkkaIpc.Benchmarks;

/// <summary>
/// A copy of this program started in a peer mode (<c>--peer MODE ARGS...</c>) as a separate OS process.
/// The peer reports readiness with a protocol line <c>READY [info]</c> on stdout and exits when its stdin closes,
/// so it cannot outlive this process; every peer still alive is also killed on dispose and on exit.
/// </summary>
internal sealed class PeerProcess : IDisposable
{
    /// <summary>The prefix of every protocol line a peer prints; other stdout lines are the peer's own chatter.</summary>
    public const string Marker = "@@ ";

    private static readonly ConcurrentDictionary<int, Process> Live = new();
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);
    private readonly Process _process;
    private readonly Channel<string> _answers = Channel.CreateUnbounded<string>();
    private readonly ConcurrentQueue<string> _chatter = new();
    private int _disposed;

    static PeerProcess()
    {
        AppDomain.CurrentDomain.ProcessExit += (_, _) => KillAll();
        Console.CancelKeyPress += (_, _) => KillAll();
    }

    private PeerProcess(Process process)
    {
        _process = process;
        Pid = process.Id;
        _ = Task.Run(PumpStdoutAsync);
    }

    public int Pid { get; }

    /// <summary>Whatever followed <c>READY</c> in the peer's first protocol line (e.g. a TCP port).</summary>
    public string ReadyInfo { get; private set; } = "";

    public static Task<PeerProcess> StartAsync(params string[] peerArgs) => StartAsync(new Dictionary<string, string>(), peerArgs);

    /// <param name="environment">Variables to set in the peer's environment, on top of this process's.</param>
    /// <param name="peerArgs">The peer mode and its arguments.</param>
    public static async Task<PeerProcess> StartAsync(IReadOnlyDictionary<string, string> environment, params string[] peerArgs)
    {
        var psi = new ProcessStartInfo
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = false,
            UseShellExecute = false,
        };
        foreach (var (key, value) in environment)
            psi.Environment[key] = value;
        var host = Environment.ProcessPath ?? throw new InvalidOperationException("cannot find this program's executable");
        psi.FileName = host;
        if (Path.GetFileNameWithoutExtension(host) == "dotnet")
            psi.ArgumentList.Add(Assembly.GetEntryAssembly()!.Location);   // started as `dotnet <dll>`
        psi.ArgumentList.Add("--peer");
        foreach (var a in peerArgs)
            psi.ArgumentList.Add(a);

        var process = Process.Start(psi) ?? throw new InvalidOperationException("could not start the peer process");
        Live[process.Id] = process;
        var peer = new PeerProcess(process);
        try
        {
            var line = await peer.ReadLineAsync(StartTimeout).ConfigureAwait(false);
            if (!line.StartsWith("READY", StringComparison.Ordinal))
                throw new InvalidOperationException($"peer '{string.Join(' ', peerArgs)}' did not start: it said '{line}'");
            peer.ReadyInfo = line.Length > 6 ? line[6..] : "";
            return peer;
        }
        catch
        {
            peer.Dispose();
            throw;
        }
    }

    /// <summary>Reads the peer's next protocol line (without the marker), bounded by a timeout.</summary>
    public async Task<string> ReadLineAsync(TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        try
        {
            return await _answers.Reader.ReadAsync(cts.Token).ConfigureAwait(false);
        }
        catch (ChannelClosedException)
        {
            throw new InvalidOperationException(
                $"peer {Pid} exited before answering (exit code {ExitCodeOrNone()}); its last output: {string.Join(" | ", _chatter)}");
        }
    }

    /// <summary>
    /// Reads the peer's stdout all the time, not only when an answer is awaited: a peer that logs (an actor system
    /// does) would otherwise block on a full pipe. Answers go to the channel; the last few other lines are kept
    /// for error messages.
    /// </summary>
    private async Task PumpStdoutAsync()
    {
        try
        {
            while (await _process.StandardOutput.ReadLineAsync().ConfigureAwait(false) is { } line)
            {
                if (line.StartsWith(Marker, StringComparison.Ordinal))
                {
                    _answers.Writer.TryWrite(line[Marker.Length..]);
                    continue;
                }

                _chatter.Enqueue(line);
                while (_chatter.Count > 10)
                    _chatter.TryDequeue(out _);
            }
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException or InvalidOperationException)
        {
            // The process was killed or disposed: the channel's completion below tells any reader.
        }
        finally
        {
            _answers.Writer.TryComplete();
        }
    }

    public async Task SendLineAsync(string line)
    {
        await _process.StandardInput.WriteLineAsync(line).ConfigureAwait(false);
        await _process.StandardInput.FlushAsync().ConfigureAwait(false);
    }

    /// <summary>
    /// Closes the peer's stdin (its signal to finish) and waits for it to exit; kills it if it has not exited by then.
    /// Returns whether it exited by itself.
    /// </summary>
    public async Task<bool> StopAsync(TimeSpan timeout)
    {
        try
        {
            _process.StandardInput.Close();
            using var cts = new CancellationTokenSource(timeout);
            await _process.WaitForExitAsync(cts.Token).ConfigureAwait(false);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
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
