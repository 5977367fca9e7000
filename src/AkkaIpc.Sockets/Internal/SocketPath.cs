using System.Text;

namespace AkkaIpc.Sockets.Internal;

/// <summary>Validation of socket paths (error 107).</summary>
internal static class SocketPath
{
    /// <exception cref="IpcSocketException">107 when the path is empty, contains NUL or is too long.</exception>
    internal static void Validate(string path, int maxBytes)
    {
        if (path.Length == 0)
        {
            throw new IpcSocketException(IpcErrorCode.InvalidPortError, "path is empty");
        }

        if (path.Contains('\0', StringComparison.Ordinal))
        {
            throw new IpcSocketException(IpcErrorCode.InvalidPortError, "path contains a NUL character", path);
        }

        var bytes = Encoding.UTF8.GetByteCount(path);
        if (bytes > maxBytes)
        {
            throw new IpcSocketException(
                IpcErrorCode.InvalidPortError, $"path is {bytes} bytes; the limit is {maxBytes}", path);
        }
    }
}
