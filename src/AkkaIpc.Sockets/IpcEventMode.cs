namespace AkkaIpc.Sockets;

/// <summary>How an <see cref="IpcSocket"/> delivers its events.</summary>
public enum IpcEventMode
{
    /// <summary>
    /// Events are raised on thread-pool threads as soon as they happen (DataAvailable as soon as bytes arrive),
    /// never concurrently for one socket.
    /// </summary>
    Automatic,

    /// <summary>
    /// I/O still runs in the background, but events are queued and raised only inside <see cref="IpcSocket.Poll"/>,
    /// on the thread that calls it.
    /// </summary>
    Manual,
}
