namespace AkkaIpc.Sockets;

/// <summary>Arguments of <see cref="IpcSocket.SendProgress"/>: the send counters when the event is raised.</summary>
/// <param name="totalBytesSent">Bytes handed to the kernel since the socket connected.</param>
/// <param name="bytesLeftToSend">Bytes accepted by Write but not yet in the kernel.</param>
public sealed class IpcSendProgressEventArgs(long totalBytesSent, int bytesLeftToSend) : EventArgs
{
    /// <summary>Bytes handed to the kernel since the socket connected (monotonic). Every write whose last byte lies at or
    /// below this offset of <see cref="IpcSocket.TotalBytesQueued"/> is in the kernel.</summary>
    public long TotalBytesSent { get; } = totalBytesSent;

    /// <summary>Bytes accepted by Write but not yet in the kernel.</summary>
    public int BytesLeftToSend { get; } = bytesLeftToSend;
}
