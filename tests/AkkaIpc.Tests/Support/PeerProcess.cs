using System.Collections.Concurrent;
using System.Diagnostics;

namespace AkkaIpc.Tests.Support;

/// <summary>
/// A real second OS process: tests/AkkaIpc.TestPeer (an IpcSocket console peer), whose stdout lines are collected so
/// a test can wait for "Connected ...", "DataAvailable: ...", "Error: N".
/// </summary>
internal sealed class PeerProcess : IDisposable
{
    private readonly Process _process;
    private readonly BlockingCollection<string> _lines = [];
    private readonly List<string> _seen = [];

    private PeerProcess(Process process)
    {
        _process = process;
        process.OutputDataReceived += (_, e) =>
        {
            try
            {
                if (e.Data is null)
                    _lines.CompleteAdding();
                else
                    _lines.Add(e.Data);
            }
            catch (ObjectDisposedException)
            {
                // The last output (often the end of stream) of a peer killed and disposed at once can come after
                // Dispose: nobody reads it any more, and throwing here, on a pool thread, would crash the test host.
            }
        };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public int Pid => _process.Id;

    public bool HasExited => _process.HasExited;

    public static PeerProcess Start(params string[] args) => StartAs(null, args);

    /// <summary>Starts the peer under another uid (via setpriv, which needs root), or as this process when null.</summary>
    public static PeerProcess StartAs(int? uid, params string[] args)
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "AkkaIpc.TestPeer.dll");
        if (!File.Exists(dll))
            throw new FileNotFoundException("The test peer was not built next to the tests.", dll);
        var info = new ProcessStartInfo(uid is null ? "dotnet" : "setpriv")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        if (uid is { } id)
        {
            foreach (var arg in new[] { $"--reuid={id}", $"--regid={id}", "--clear-groups", "dotnet" })
                info.ArgumentList.Add(arg);
            // The other user has no home directory of its own; the .NET host needs one.
            info.Environment["DOTNET_CLI_HOME"] = Path.GetTempPath();
            info.Environment["HOME"] = Path.GetTempPath();
            // Nor may it enter the checkout: it runs a readable copy, from a directory it can enter.
            dll = Shared.PeerProgramCopy.For(dll);
            info.WorkingDirectory = Path.GetDirectoryName(dll)!;
        }

        info.ArgumentList.Add(dll);
        foreach (var arg in args)
            info.ArgumentList.Add(arg);
        return new PeerProcess(Process.Start(info) ?? throw new InvalidOperationException("could not start the test peer"));
    }

    /// <summary>Waits (bounded) for a stdout line that satisfies <paramref name="match"/>; fails listing what was seen.</summary>
    public string WaitForLine(Func<string, bool> match, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var left = deadline - DateTime.UtcNow;
            if (left <= TimeSpan.Zero || !_lines.TryTake(out var line, left))
            {
                throw new TimeoutException(
                    $"the peer (pid {Pid}) printed no matching line within {timeout}; saw: [{string.Join(" | ", _seen)}]");
            }

            _seen.Add(line);
            if (match(line))
                return line;
        }
    }

    public string WaitForLine(string prefix) => WaitForLine(l => l.StartsWith(prefix, StringComparison.Ordinal), TimeSpan.FromSeconds(20));

    /// <summary>Writes a line to the peer's stdin; the peer sends it (plus "\n") over its socket.</summary>
    public void SendLine(string line)
    {
        _process.StandardInput.WriteLine(line);
        _process.StandardInput.Flush();
    }

    /// <summary>SIGKILL: the process dies without closing anything itself.</summary>
    public void KillHard()
    {
        _process.Kill();
        if (!_process.WaitForExit(20_000))
            throw new TimeoutException($"the peer (pid {Pid}) did not die after SIGKILL");
    }

    public int WaitForExit()
    {
        if (!_process.WaitForExit(20_000))
            throw new TimeoutException($"the peer (pid {Pid}) did not exit");
        return _process.ExitCode;
    }

    public void Dispose()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill();
                _process.WaitForExit(5_000);
            }
        }
        catch (InvalidOperationException)
        {
            // Already gone: nothing to clean up.
        }

        _process.Dispose();
        _lines.Dispose();
    }
}
