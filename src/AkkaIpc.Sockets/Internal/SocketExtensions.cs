using System.Net.Sockets;

namespace AkkaIpc.Sockets.Internal;

internal static class SocketExtensions
{
    /// <summary>
    /// Shuts a connection down, then closes its descriptor. Closing alone ends the connection only with the last copy
    /// of the descriptor, and a child process between its fork and its exec holds a copy of each: the peer would see
    /// the end only when that child execs.
    /// </summary>
    internal static void ShutdownAndDispose(this Socket socket)
    {
        try
        {
            socket.Shutdown(SocketShutdown.Both);
        }
        catch (SocketException)
        {
            // Already disconnected: closing is all that is left.
        }
        catch (ObjectDisposedException)
        {
            return;
        }

        socket.Dispose();
    }
}
