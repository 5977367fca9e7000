// INTERIM: mirrors of the agreed AkkaIpc.Protocol / AkkaIpc.Sockets contract so the node builds and runs
// before the actor layer lands. Deleted when branch `actors` is merged; never part of the product.
#pragma warning disable SA1649, CA1050, MA0048
using System.Collections.Immutable;
using System.Text;

namespace AkkaIpc.Sockets
{
    internal enum IpcErrorCode { None = 0, OpenDriverError = 100, LostConnection = 102, NameResolutionError = 103, AddressInUseError = 105, InvalidStateError = 106, InvalidPortError = 107, OutOfMemoryError = 108 }

    internal sealed record PeerCredentials(int Pid, int Uid, int Gid);
}

namespace AkkaIpc.Protocol
{
    using AkkaIpc.Sockets;

    internal sealed record Write(ImmutableArray<byte> Data, object? Ack = null)
    {
        public static Write Text(string text, object? ack = null) => new(ImmutableArray.Create(Encoding.UTF8.GetBytes(text)), ack);
    }

    internal sealed record Flush { public static readonly Flush Instance = new(); }

    internal sealed record Close { public static readonly Close Instance = new(); }

    internal sealed record CommandFailed(object Command, IpcErrorCode Code, string Message);

    internal sealed record Connected(string Path, PeerCredentials? Peer);

    internal sealed record Received(ImmutableArray<byte> Data);

    internal sealed record SocketError(IpcErrorCode Code, string Message);

    internal sealed record Restarting(int Attempt, TimeSpan Delay, IpcErrorCode Cause);

    internal sealed record GaveUp(IpcErrorCode Cause, string Message);

    internal sealed record Closed(string Reason);

    internal sealed record PeerConnected(object Connection, PeerCredentials? Peer);

    internal sealed record PeerDisconnected(object Connection, IpcErrorCode Code);
}
