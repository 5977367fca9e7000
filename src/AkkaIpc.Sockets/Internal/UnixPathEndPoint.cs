using System.Net;
using System.Net.Sockets;
using System.Text;

namespace AkkaIpc.Sockets.Internal;

/// <summary>
/// A filesystem Unix-socket address for <see cref="Socket.Bind"/>. Binding with <see cref="UnixDomainSocketEndPoint"/>
/// makes <see cref="Socket.Dispose()"/> delete whatever file is at the path by then, even one that replaced ours; with
/// this type .NET leaves the file alone and <see cref="SocketFile.RemoveIfOwned"/> decides (same device and inode).
/// </summary>
internal sealed class UnixPathEndPoint : EndPoint
{
    // sun_path starts after the 2-byte sun_family on Linux.
    private const int PathOffset = 2;

    private readonly byte[] _address;

    internal UnixPathEndPoint(string path)
    {
        var bytes = Encoding.UTF8.GetBytes(path);
        _address = new byte[PathOffset + bytes.Length + 1];
        bytes.CopyTo(_address, PathOffset);
    }

    private UnixPathEndPoint(byte[] address) => _address = address;

    public override AddressFamily AddressFamily => AddressFamily.Unix;

    public override SocketAddress Serialize()
    {
        var address = new SocketAddress(AddressFamily.Unix, _address.Length);
        for (var i = PathOffset; i < _address.Length; i++)
        {
            address[i] = _address[i];
        }

        return address;
    }

    public override EndPoint Create(SocketAddress socketAddress)
    {
        // Used by .NET for accepted sockets' addresses (usually unnamed peers); keep the raw bytes.
        var copy = new byte[socketAddress.Size];
        for (var i = 0; i < copy.Length; i++)
        {
            copy[i] = socketAddress[i];
        }

        return new UnixPathEndPoint(copy);
    }

    public override string ToString() =>
        Encoding.UTF8.GetString(_address.AsSpan(PathOffset).TrimEnd((byte)0));
}
