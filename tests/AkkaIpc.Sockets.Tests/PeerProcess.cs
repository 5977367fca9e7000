using System.Diagnostics;
using System.Reflection;

namespace AkkaIpc.Sockets.Tests;

/// <summary>The AkkaIpc.TestPeer program running as a real second process; its stdout lines are collected.</summary>
internal sealed class PeerProcess : IDisposable
{
    public const int NobodyUid = 65534;

    private readonly Process _process;
    private readonly object _lock = new();
    private readonly List<string> _lines = [];
    private readonly List<string> _errors = [];
    private bool _stdoutClosed;

    private PeerProcess(Process process)
    {
        _process = process;
        _process.OutputDataReceived += (_, e) =>
        {
            lock (_lock)
            {
                if (e.Data is null)
                {
                    _stdoutClosed = true;
                }
                else
                {
                    _lines.Add(e.Data);
                }

                Monitor.PulseAll(_lock);
            }
        };
        _process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                lock (_lock)
                {
                    _errors.Add(e.Data);
                }
            }
        };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    public int Pid => _process.Id;

    /// <summary>What the peer printed so far on stdout and stderr, for failure messages.</summary>
    public string Output
    {
        get
        {
            lock (_lock)
            {
                return $"stdout: {string.Join(" | ", _lines)}; stderr: {string.Join(" | ", _errors.Take(20))}";
            }
        }
    }

    public bool HasExited => _process.HasExited;

    public IReadOnlyList<string> Lines
    {
        get
        {
            lock (_lock)
            {
                return [.. _lines];
            }
        }
    }

    /// <summary>The TestPeer dll built next to this test project (see the test csproj).</summary>
    public static string DllPath
    {
        get
        {
            var path = typeof(PeerProcess).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
                .Single(a => a.Key == "TestPeerPath").Value!;
            Assert.True(File.Exists(path), $"TestPeer not built at {path}");
            return path;
        }
    }

    /// <summary>Starts <c>dotnet AkkaIpc.TestPeer.dll args…</c>, as <paramref name="uid"/> (via setpriv) when given.</summary>
    public static PeerProcess Start(int? uid, params string[] args)
    {
        var info = new ProcessStartInfo
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (uid is { } id)
        {
            info.FileName = "setpriv";
            foreach (var a in new[] { $"--reuid={id}", $"--regid={id}", "--clear-groups", "dotnet" })
            {
                info.ArgumentList.Add(a);
            }

            // The runtime wants a writable home for its first-run bookkeeping.
            info.Environment["HOME"] = Path.GetTempPath();
        }
        else
        {
            info.FileName = "dotnet";
        }

        // The other uid may not enter the checkout: it runs a readable copy, from a directory it can enter.
        var dll = uid is null ? DllPath : AkkaIpc.Tests.Shared.PeerProgramCopy.For(DllPath);
        if (uid is not null)
        {
            info.WorkingDirectory = Path.GetDirectoryName(dll)!;
        }

        info.ArgumentList.Add(dll);
        foreach (var a in args)
        {
            info.ArgumentList.Add(a);
        }

        info.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        info.Environment["DOTNET_NOLOGO"] = "1";

        // No diagnostics IPC socket: a SIGKILLed peer would leave its dotnet-diagnostic-* file in the temp dir.
        info.Environment["DOTNET_EnableDiagnostics"] = "0";
        var process = Process.Start(info) ?? throw new InvalidOperationException("cannot start the TestPeer");
        return new PeerProcess(process);
    }

    public static PeerProcess Start(params string[] args) => Start(null, args);

    /// <summary>Waits (bounded) for a stdout line starting with <paramref name="prefix"/> and returns it.</summary>
    public string WaitLine(string prefix)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        lock (_lock)
        {
            while (true)
            {
                var found = _lines.FirstOrDefault(l => l.StartsWith(prefix, StringComparison.Ordinal));
                if (found is not null)
                {
                    return found;
                }

                var left = deadline - DateTime.UtcNow;
                if (_stdoutClosed || left <= TimeSpan.Zero)
                {
                    throw new TimeoutException(
                        $"TestPeer printed no '{prefix}' line (exited: {_stdoutClosed}); output: {string.Join(" | ", _lines)}; " +
                        $"stderr: {string.Join(" | ", _errors.Take(20))}");
                }

                Monitor.Wait(_lock, left);
            }
        }
    }

    public void SendLine(string line)
    {
        _process.StandardInput.WriteLine(line);
        _process.StandardInput.Flush();
    }

    /// <summary>SIGKILL: the process gets no chance to close anything itself.</summary>
    public void Kill()
    {
        _process.Kill(entireProcessTree: true);
        Assert.True(_process.WaitForExit(30_000), "TestPeer did not die");
    }

    public int WaitForExit()
    {
        Assert.True(_process.WaitForExit(60_000), "TestPeer did not exit; output: " + string.Join(" | ", Lines));
        _process.WaitForExit();
        return _process.ExitCode;
    }

    public void Dispose()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                _process.WaitForExit(30_000);
            }
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }

        _process.Dispose();
    }
}
