using System.Collections.Concurrent;
using System.Diagnostics;

namespace AkkaIpc.Remote.Tests.Support;

/// <summary>
/// A real node process (tests/AkkaIpc.Remote.TestNode): an actor system "node" with /user/echo. Its stdout lines are
/// collected so a test can wait for them ("READY address pid", cluster events "UP/UNREACHABLE/REMOVED address").
/// </summary>
internal sealed class NodeProcess : IDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);
    private readonly Process _process;
    private readonly BlockingCollection<string> _lines = [];
    private readonly ConcurrentQueue<string> _seen = [];
    private readonly ConcurrentQueue<string> _output = [];

    private NodeProcess(Process process)
    {
        _process = process;
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is null)
            {
                _lines.CompleteAdding();
                return;
            }

            _output.Enqueue(e.Data);
            _lines.Add(e.Data);
        };
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
                _output.Enqueue("stderr: " + e.Data);
        };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var ready = WaitForLine(l => l.StartsWith("READY ", StringComparison.Ordinal), StartTimeout).Split(' ');
        Address = ready[1];
    }

    /// <summary>The node system's address, as it printed it.</summary>
    public string Address { get; }

    public int Pid => _process.Id;

    /// <summary>Everything the node printed so far (stdout and stderr), for a failing test's output.</summary>
    public string Output => string.Join(Environment.NewLine, _output);

    /// <summary>Starts a node and waits (bounded) until it listens.</summary>
    public static NodeProcess Start(string transport, int port, string socketDirectory, params string[] clusterSeeds) =>
        StartWith(transport, port, socketDirectory, clusterSeeds.Length > 0 ? ["--cluster", .. clusterSeeds] : []);

    /// <summary>Starts a node with the given mode arguments (--cluster ..., --consume ...) and waits (bounded) until it listens.</summary>
    public static NodeProcess StartWith(string transport, int port, string socketDirectory, IEnumerable<string> mode)
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "AkkaIpc.Remote.TestNode.dll");
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(dll);
        info.ArgumentList.Add(transport);
        info.ArgumentList.Add(port.ToString(System.Globalization.CultureInfo.InvariantCulture));
        info.ArgumentList.Add(socketDirectory);
        foreach (var arg in mode)
            info.ArgumentList.Add(arg);

        return new NodeProcess(Process.Start(info) ?? throw new InvalidOperationException("could not start the test node"));
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
                    $"the node (pid {_process.Id}) printed no matching line within {timeout}; saw: [{string.Join(" | ", _seen)}]; stderr: [{string.Join(" | ", _output.Where(l => l.StartsWith("stderr: ", StringComparison.Ordinal)))}]");
            }

            _seen.Enqueue(line);
            if (match(line))
                return line;
        }
    }

    public string WaitForLine(string line, TimeSpan timeout) => WaitForLine(l => l == line, timeout);

    /// <summary>SIGKILL: the process dies without closing anything itself (its socket file stays behind, stale).</summary>
    public void KillHard()
    {
        _process.Kill();
        if (!_process.WaitForExit(20_000))
            throw new TimeoutException($"the node (pid {_process.Id}) did not die after SIGKILL");
    }

    /// <summary>Closes its stdin: the node terminates its system and exits.</summary>
    public int Stop()
    {
        _process.StandardInput.Close();
        if (!_process.WaitForExit(30_000))
            throw new TimeoutException($"the node (pid {_process.Id}) did not exit after its stdin closed");
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
