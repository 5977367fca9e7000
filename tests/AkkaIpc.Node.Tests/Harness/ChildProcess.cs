using System.Collections.Concurrent;
using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Text;

namespace AkkaIpc.Node.Tests.Harness;

/// <summary>
/// A real OS process under test: the built <c>akka-ipc</c>, or a peer such as <c>socat</c> or
/// <c>python3</c>. Its output is collected line by line; every wait is bounded and, when it fails,
/// reports everything the process printed. <see cref="Dispose"/> kills whatever still runs.
/// </summary>
internal sealed partial class ChildProcess : IDisposable
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(45);

    private const int SigInt = 2;

    private readonly Process _process;
    private readonly BlockingCollection<string> _stdout = [];
    private readonly List<string> _stdoutSeen = [];
    private readonly ConcurrentQueue<string> _stderr = new();
    private readonly string _name;

    // A shell without job control starts a background command (`.ci/run &`, `nohup ... &`) with SIGINT ignored, and an
    // ignored signal stays ignored across fork and exec: every node these tests start would ignore Ctrl-C (the .NET
    // runtime installs no handler for a signal ignored at start-up), and a SIGINT test would wait for nothing. The
    // tests' own process takes the default back, so the processes it starts get it.
    static ChildProcess()
    {
        if (Ignores(Environment.ProcessId, SigInt))
        {
            SysSignal(SigInt, 0 /* SIG_DFL */);
        }
    }

    private ChildProcess(string name, ProcessStartInfo info)
    {
        _name = name;
        info.UseShellExecute = false;
        info.RedirectStandardInput = true;
        info.RedirectStandardOutput = true;
        info.RedirectStandardError = true;
        info.StandardInputEncoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);
        info.StandardOutputEncoding = Encoding.UTF8;
        info.StandardErrorEncoding = Encoding.UTF8;
        _process = new Process { StartInfo = info };
        _process.OutputDataReceived += (_, line) =>
        {
            if (line.Data is null)
            {
                _stdout.CompleteAdding();
            }
            else
            {
                _stdout.Add(line.Data);
            }
        };
        _process.ErrorDataReceived += (_, line) =>
        {
            if (line.Data is not null)
            {
                _stderr.Enqueue(line.Data);
            }
        };
        _process.Start();
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    public int Pid => _process.Id;

    /// <summary>Every stdout line read so far by the waits.</summary>
    public IReadOnlyList<string> Output => _stdoutSeen;

    public IReadOnlyList<string> ErrorOutput => [.. _stderr];

    /// <summary>Starts <c>dotnet akka-ipc.dll</c> with <paramref name="arguments"/>.</summary>
    public static ChildProcess Node(params string[] arguments)
    {
        var info = new ProcessStartInfo("dotnet");
        info.ArgumentList.Add(NodeBinary.Path);
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        return new ChildProcess("akka-ipc " + string.Join(' ', arguments), info);
    }

    /// <summary>
    /// Fails at once, saying how to get it, when <paramref name="program"/> is not installed: the peers are ordinary tools,
    /// not part of the SDK (also for a program another one execs, such as socat under setpriv).
    /// </summary>
    public static void RequireInstalled(string program)
    {
        if (!Path.IsPathRooted(program) && !IsOnPath(program))
            throw new InvalidOperationException($"{program} is not installed: apt-get install -y {program} (.ci/run installs it)");
    }

    /// <summary>Starts any program (socat, python3, ...).</summary>
    public static ChildProcess Start(string program, params string[] arguments)
    {
        RequireInstalled(program);
        var info = new ProcessStartInfo(program);
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        return new ChildProcess(program + " " + string.Join(' ', arguments), info);
    }

    private static bool IsOnPath(string program) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries)
            .Any(directory => File.Exists(Path.Combine(directory, program)));

    public void WriteLine(string line)
    {
        _process.StandardInput.Write(line + "\n");
        _process.StandardInput.Flush();
    }

    public void CloseInput() => _process.StandardInput.Close();

    /// <summary>Reads stdout until a line equals <paramref name="expected"/>.</summary>
    public string WaitForLine(string expected, TimeSpan? timeout = null) =>
        WaitForLine(line => line == expected, $"the line '{expected}'", timeout);

    /// <summary>Reads stdout until a line matches; fails with the whole output when the time is up.</summary>
    public string WaitForLine(Func<string, bool> match, string what, TimeSpan? timeout = null)
    {
        var clock = Stopwatch.StartNew();
        var limit = timeout ?? DefaultTimeout;
        while (true)
        {
            var left = limit - clock.Elapsed;
            if (left <= TimeSpan.Zero || !_stdout.TryTake(out var line, left))
            {
                var reason = _stdout.IsCompleted ? "its output ended" : $"{limit.TotalSeconds} s passed";
                throw new Xunit.Sdk.XunitException($"{_name}: {reason} before {what}.\n{Describe()}");
            }

            _stdoutSeen.Add(line);
            if (match(line))
            {
                return line;
            }
        }
    }

    /// <summary>
    /// Reads stdout until <paramref name="condition"/> holds for all the lines read so far (including
    /// lines read by earlier waits), for events that may arrive in any order.
    /// </summary>
    public void WaitUntilOutput(Func<IReadOnlyList<string>, bool> condition, string what, TimeSpan? timeout = null)
    {
        if (!condition(_stdoutSeen))
        {
            WaitForLine(_ => condition(_stdoutSeen), what, timeout);
        }
    }

    /// <summary>Waits for the process to end and for all its output; returns the exit code.</summary>
    public int WaitForExit(TimeSpan? timeout = null)
    {
        var limit = timeout ?? DefaultTimeout;
        if (!_process.WaitForExit(limit))
        {
            throw new Xunit.Sdk.XunitException($"{_name}: still running after {limit.TotalSeconds} s.\n{Describe()}");
        }

        _process.WaitForExit();
        while (_stdout.TryTake(out var line))
        {
            _stdoutSeen.Add(line);
        }

        return _process.ExitCode;
    }

    /// <summary>SIGKILL, as a crash: the process gets no chance to clean up.</summary>
    public void Kill() => _process.Kill(entireProcessTree: false);

    /// <summary>Sends a signal (SIGINT = 2, SIGTERM = 15).</summary>
    public void Signal(int signal)
    {
        if (Ignores(_process.Id, signal))
        {
            throw new InvalidOperationException($"{_name} (pid {_process.Id}) ignores signal {signal}: it was inherited ignored");
        }

        if (SysKill(_process.Id, signal) != 0)
        {
            throw new InvalidOperationException($"kill({_process.Id}, {signal}) failed: errno {Marshal.GetLastPInvokeError()}");
        }
    }

    /// <summary>True once the process has ended.</summary>
    public bool HasExited => _process.HasExited;

    public string Describe() =>
        $"stdout:\n  {string.Join("\n  ", _stdoutSeen)}\nstderr:\n  {string.Join("\n  ", _stderr)}";

    public void Dispose()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                _process.WaitForExit(10_000);
            }
        }
        catch (InvalidOperationException)
        {
            // Ended between the check and the kill.
        }

        _process.Dispose();
        _stdout.Dispose();
    }

    /// <summary>True when <paramref name="signal"/> is ignored by process <paramref name="pid"/> (its SigIgn mask).</summary>
    private static bool Ignores(int pid, int signal)
    {
        var mask = File.ReadLines($"/proc/{pid}/status").First(line => line.StartsWith("SigIgn:", StringComparison.Ordinal))["SigIgn:".Length..].Trim();
        return (ulong.Parse(mask, System.Globalization.NumberStyles.HexNumber, System.Globalization.CultureInfo.InvariantCulture) & (1UL << (signal - 1))) != 0;
    }

    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static partial int SysKill(int pid, int signal);

    [LibraryImport("libc", EntryPoint = "signal")]
    private static partial nint SysSignal(int signal, nint handler);
}
