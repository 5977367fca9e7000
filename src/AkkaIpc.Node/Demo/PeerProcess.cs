using System.Diagnostics;
using AkkaIpc.Node.Link;

namespace AkkaIpc.Node.Demo;

/// <summary>
/// A second OS process of <c>akka-ipc</c> run by the demo. Its output lines and its exit arrive in the
/// demo's inbox as <see cref="PeerOutput"/> and <see cref="PeerExited"/>; <see cref="Dispose"/> kills it
/// if it still runs, so the demo never leaves a child behind.
/// </summary>
internal sealed class PeerProcess : IDisposable
{
    private readonly Process _process;

    private PeerProcess(int number, Process process)
    {
        Number = number;
        _process = process;
    }

    public int Number { get; }

    public int Pid => _process.Id;

    public static PeerProcess Start(int number, IEnumerable<string> arguments, EventQueue inbox)
    {
        var info = SelfLauncher.StartInfo(arguments);
        info.RedirectStandardInput = true;
        info.RedirectStandardOutput = true;
        info.RedirectStandardError = true;
        var process = new Process { StartInfo = info };
        process.OutputDataReceived += (_, line) => Post(inbox, number, line.Data, string.Empty);
        process.ErrorDataReceived += (_, line) => Post(inbox, number, line.Data, "stderr: ");
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        _ = ReportExitAsync(process, number, inbox);
        return new PeerProcess(number, process);
    }

    public void WriteLine(string line)
    {
        _process.StandardInput.WriteLine(line);
        _process.StandardInput.Flush();
    }

    /// <summary>Ends the peer's standard input: the peer closes its socket and exits 0.</summary>
    public void CloseInput() => _process.StandardInput.Close();

    /// <summary>SIGKILL: no cleanup runs in the peer, as after a crash.</summary>
    public void Kill() => _process.Kill(entireProcessTree: false);

    public void Dispose()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                _process.WaitForExit(5000);
            }
        }
        catch (InvalidOperationException)
        {
            // The process ended between the check and the kill: nothing left to clean up.
        }

        _process.Dispose();
    }

    private static void Post(EventQueue inbox, int number, string? line, string prefix)
    {
        if (line is not null)
        {
            inbox.Post(new NodeEvent(new PeerOutput(number, prefix + line), null));
        }
    }

    private static async Task ReportExitAsync(Process process, int number, EventQueue inbox)
    {
        // WaitForExitAsync also waits for the redirected output to reach its end, so the exit comes last.
        await process.WaitForExitAsync().ConfigureAwait(false);
        await inbox.PostAsync(new NodeEvent(new PeerExited(number, process.ExitCode), null)).ConfigureAwait(false);
    }
}
