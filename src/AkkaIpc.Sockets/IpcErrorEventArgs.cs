namespace AkkaIpc.Sockets;

/// <summary>Arguments of <see cref="IpcSocket.Error"/>.</summary>
/// <param name="exception">The failure; its <see cref="IpcSocketException.ErrorNumber"/> is the reference code.</param>
public sealed class IpcErrorEventArgs(IpcSocketException exception) : EventArgs
{
    /// <summary>The failure; its <see cref="IpcSocketException.ErrorNumber"/> is the reference code (102 when the peer went away).</summary>
    public IpcSocketException Exception { get; } = exception;
}
