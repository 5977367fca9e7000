using System.Net.Sockets;
using System.Runtime.InteropServices;

namespace AkkaIpc.Sockets.Tests;

/// <summary>
/// A process that starts child processes has, for a moment, copies of all its descriptors in each child (between the
/// child's fork and its exec). Closing a socket then must still end the connection for the peer at once, not when the
/// last copy goes: the listener, the connector and every socket an <see cref="IpcListener"/> accepts shut down first.
/// </summary>
public sealed partial class CloseWithCopiesTests : IDisposable
{
    private readonly TestPaths _paths = new();

    public void Dispose() => _paths.Dispose();

    [Fact]
    public async Task Close_ends_the_connection_for_the_peer_while_a_copy_of_the_descriptor_lives_on()
    {
        var path = _paths.Next();
        using var listener = new IpcListener(path);
        listener.Start();
        using var peer = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified) { ReceiveTimeout = 60_000 };
        peer.Connect(new UnixDomainSocketEndPoint(path));
        using var socket = await listener.AcceptAsync();

        // What a child forked at this moment holds until it execs.
        var copy = Dup(socket.Descriptor);
        Assert.True(copy >= 0, "dup failed");
        try
        {
            socket.Close();
            Assert.Equal(0, peer.Receive(new byte[1]));
        }
        finally
        {
            Close(copy);
        }
    }

    [LibraryImport("libc", EntryPoint = "dup")]
    private static partial int Dup(int fd);

    [LibraryImport("libc", EntryPoint = "close")]
    private static partial int Close(int fd);
}
