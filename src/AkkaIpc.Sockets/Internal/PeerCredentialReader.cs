using System.Net.Sockets;
using System.Runtime.InteropServices;

namespace AkkaIpc.Sockets.Internal;

/// <summary>Reads SO_PEERCRED and applies a listener's uid policy.</summary>
internal static class PeerCredentialReader
{
    private const int SolSocket = 1;
    private const int SoPeerCred = 17;

    private static readonly int OwnUid = OperatingSystem.IsLinux() ? (int)NativeMethods.GetEffectiveUserId() : -1;

    /// <summary>The peer's credentials, or <see langword="null"/> off Linux or when the kernel does not say.</summary>
    internal static PeerCredentials? Read(Socket socket)
    {
        if (!OperatingSystem.IsLinux())
        {
            return null;
        }

        // struct ucred { pid_t pid; uid_t uid; gid_t gid; } in host byte order.
        Span<byte> ucred = stackalloc byte[12];
        try
        {
            var length = socket.GetRawSocketOption(SolSocket, SoPeerCred, ucred);
            if (length < 12)
            {
                return null;
            }
        }
        catch (SocketException)
        {
            // A peer that already vanished has no credentials; the caller sees 102 on the first read.
            return null;
        }

        return new PeerCredentials(
            MemoryMarshal.Read<int>(ucred),
            MemoryMarshal.Read<int>(ucred[4..]),
            MemoryMarshal.Read<int>(ucred[8..]));
    }

    /// <summary>Whether <paramref name="options"/> admit a peer with <paramref name="credentials"/>.</summary>
    internal static bool IsAllowed(PeerCredentials? credentials, IpcSocketOptions options)
    {
        if (options.AllowAnyPeerUid || credentials is null)
        {
            // Without SO_PEERCRED (non-Linux) there is nothing to check against.
            return true;
        }

        return options.AllowedPeerUids is { } allowed ? allowed.Contains(credentials.Uid) : credentials.Uid == OwnUid;
    }
}
