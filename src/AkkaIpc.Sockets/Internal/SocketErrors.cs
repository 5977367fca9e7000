using System.Net.Sockets;

namespace AkkaIpc.Sockets.Internal;

/// <summary>Translates OS socket errors into <see cref="IpcSocketException"/> at the edge.</summary>
internal static class SocketErrors
{
    /// <summary>Whether the error means the process or system ran out of descriptors (EMFILE/ENFILE).</summary>
    internal static bool IsDescriptorExhaustion(SocketException e) =>
        e.SocketErrorCode == SocketError.TooManyOpenSockets;

    /// <summary>Whether an accept failed only for the one peer (it left while queued); accepting goes on.</summary>
    internal static bool IsTransientAcceptError(SocketException e) =>
        e.SocketErrorCode is SocketError.ConnectionAborted or SocketError.ConnectionReset or SocketError.Interrupted;

    /// <summary>Whether the error means the connection is gone (peer closed, reset, or our own end shut down).</summary>
    internal static bool IsConnectionLoss(SocketException e) => e.SocketErrorCode is
        SocketError.ConnectionReset or SocketError.ConnectionAborted or SocketError.Shutdown or
        SocketError.NotConnected or SocketError.Disconnecting or SocketError.HostDown or SocketError.NetworkReset;

    /// <summary>A new OS socket, or 100 when the OS refuses (e.g. descriptor exhaustion).</summary>
    internal static Socket CreateSocket(string path)
    {
        try
        {
            return new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        }
        catch (SocketException e)
        {
            throw new IpcSocketException(
                IpcErrorCode.OpenDriverError, $"the OS refused to create a socket: {e.Message}", path, e);
        }
    }

    /// <summary>The error for a failed <c>connect()</c> by <see cref="IpcSocket.Connect"/>.</summary>
    internal static IpcSocketException ForConnect(SocketException e, string path)
    {
        if (e.SocketErrorCode == SocketError.ConnectionRefused)
        {
            return new IpcSocketException(
                IpcErrorCode.NameResolutionError, "nothing listens: the file at the path refuses connections", path, e);
        }

        // .NET reports ENOENT as AddressNotAvailable and ENOTDIR as an unknown error; the file system tells better.
        if (e.SocketErrorCode == SocketError.AddressNotAvailable || FileIdentity.Of(path) is null)
        {
            return new IpcSocketException(
                IpcErrorCode.NameResolutionError, "nothing listens: no socket file at the path", path, e);
        }

        return e.SocketErrorCode == SocketError.AccessDenied
            ? new IpcSocketException(IpcErrorCode.OpenDriverError, "no permission to connect to the socket file", path, e)
            : new IpcSocketException(IpcErrorCode.OpenDriverError, $"connect refused by the OS: {e.Message}", path, e);
    }

    /// <summary>The error for a failed <c>bind()</c> or <c>listen()</c>.</summary>
    internal static IpcSocketException ForBind(SocketException e, string path) =>
        e.SocketErrorCode == SocketError.AddressAlreadyInUse
            ? new IpcSocketException(IpcErrorCode.AddressInUseError, "a file appeared at the path while binding", path, e)
            : new IpcSocketException(IpcErrorCode.OpenDriverError, $"cannot create the socket file: {Explain(e, path)}", path, e);

    /// <summary>
    /// A cause naming the file-system problem; .NET's own text for some errnos is about networks
    /// (ENOENT reads "Cannot assign requested address").
    /// </summary>
    private static string Explain(SocketException e, string path)
    {
        // .NET's text for some errnos is about networks (ENOENT reads "Cannot assign requested address") and its
        // NativeErrorCode is not the errno; access(2) on the directory names the file-system problem exactly.
        var directory = System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path)) ?? "/";
        return NativeMethods.CheckWritable(directory) switch
        {
            NativeMethods.ENOENT => $"the directory {directory} does not exist",
            NativeMethods.ENOTDIR => $"a parent of the path is not a directory ({directory})",
            NativeMethods.EACCES => $"no permission to create a file in {directory}",
            NativeMethods.EROFS => $"{directory} is on a read-only file system",
            _ => e.Message,
        };
    }

    /// <summary>The 102 raised on the surviving end.</summary>
    internal static IpcSocketException LostConnection(string path, Exception? cause) => new(
        IpcErrorCode.LostConnection,
        cause is null ? "the peer closed the connection" : $"the connection was lost: {cause.Message}",
        path,
        cause);
}
