using AkkaIpc.Sockets;

namespace AkkaIpc;

/// <summary>
/// The error numbers an <see cref="IpcSocket"/> reports, with the same values as the reference IPCSocket class.
/// </summary>
public enum IpcErrorCode
{
    /// <summary>No error has occurred.</summary>
    None = 0,

    /// <summary>
    /// 100: the OS refused to create, bind or connect the socket for a reason not covered by another code
    /// (no permission on the directory, read-only file system, missing directory on Listen, descriptor exhaustion).
    /// </summary>
    OpenDriverError = 100,

    /// <summary>102: the peer closed, reset or vanished; raised on the surviving end.</summary>
    LostConnection = 102,

    /// <summary>103: Connect found nothing listening: no file at the path, or a stale socket file that refuses connections.</summary>
    NameResolutionError = 103,

    /// <summary>105: Listen found a live listener at the path, or a file that is not a socket (left untouched).</summary>
    AddressInUseError = 105,

    /// <summary>106: the call does not fit the socket's state (write while not connected, listen while connected, Path change while open).</summary>
    InvalidStateError = 106,

    /// <summary>107: the path is invalid: empty, contains NUL, or longer than <see cref="IpcSocketOptions.MaxPathBytes"/> UTF-8 bytes.</summary>
    InvalidPortError = 107,

    /// <summary>
    /// 108: a configured limit would be exceeded: here <see cref="IpcSocketOptions.SendQueueLimit"/> (the receive buffer's
    /// limit pauses reading instead); in the actor layer also the frame size of length-prefixed framing.
    /// </summary>
    OutOfMemoryError = 108,
}
