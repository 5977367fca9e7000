using System.Runtime.InteropServices;

namespace AkkaIpc.Node.Hosting;

/// <summary>
/// Turns SIGINT (Ctrl-C) and SIGTERM into a cancellation, so a command can close its sockets, remove its
/// socket files and end its child processes before the process exits. The default handling is cancelled:
/// the runtime would otherwise end the process before the cleanup has run.
/// </summary>
internal sealed class ShutdownSignal : IDisposable
{
    private readonly CancellationTokenSource _cancellation = new();
    private readonly PosixSignalRegistration _interrupt;
    private readonly PosixSignalRegistration _terminate;
    private int _exitCode;

    public ShutdownSignal()
    {
        _interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, context => OnSignal(context, ExitCodes.Interrupted));
        _terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context => OnSignal(context, ExitCodes.Terminated));
    }

    /// <summary>Cancelled when a signal asks the node to stop.</summary>
    public CancellationToken Token => _cancellation.Token;

    /// <summary>The exit code the signal calls for (130 or 143), or 0 while no signal has arrived.</summary>
    public int ExitCode => Volatile.Read(ref _exitCode);

    public void Dispose()
    {
        _interrupt.Dispose();
        _terminate.Dispose();
        _cancellation.Dispose();
    }

    private void OnSignal(PosixSignalContext context, int exitCode)
    {
        context.Cancel = true;
        // The first signal decides the exit code; a second one while cleaning up changes nothing.
        Interlocked.CompareExchange(ref _exitCode, exitCode, 0);
        _cancellation.Cancel();
    }
}
