namespace AkkaIpc.Sockets.Internal;

/// <summary>The events an <see cref="IpcSocket"/> raises.</summary>
internal enum PendingEventKind
{
    Connected,
    DataAvailable,
    SendProgress,
    Error,
    PeerRejected,
}
