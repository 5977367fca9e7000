namespace AkkaIpc;

/// <summary>
/// How a socket cuts its byte stream into <see cref="Received"/> events and how it sends each <see cref="Write"/>.
/// Configured by <c>akka.ipc.socket.framing</c> (default <c>raw</c>).
/// </summary>
public enum IpcFraming
{
    /// <summary>No framing: each <see cref="Received"/> carries whatever bytes arrived; writes are sent as they are.</summary>
    Raw,

    /// <summary>
    /// Each message is a frame: a 4-byte big-endian payload length, then the payload (Erlang's <c>{packet,4}</c>).
    /// Each <see cref="Received"/> carries exactly one whole frame, however the bytes were split in transit;
    /// each <see cref="Write"/> is sent as one frame.
    /// </summary>
    LengthPrefixed,
}
