using System.Net.Sockets;
using System.Text;

namespace AkkaIpc.Sockets.Tests;

/// <summary>
/// A listener that runs its process out of descriptors (a second process with a soft limit of 128, and 200 peers).
/// The .NET runtime cannot start a thread without free descriptors (it reports OutOfMemoryException, and a thread pool
/// that cannot grow ends the process), so the listener must pause before it takes the last ones.
/// </summary>
public sealed class DescriptorExhaustionTests : IDisposable
{
    private readonly TestPaths _paths = new();

    public void Dispose() => _paths.Dispose();

    [Fact]
    public void A_listener_out_of_descriptors_pauses_leaves_the_runtime_room_for_a_thread_and_serves_again_once_peers_go()
    {
        var path = _paths.Next();
        using var server = PeerProcess.Start("serve", path);
        server.WaitLine("Listening");
        var peers = new List<Socket>();
        try
        {
            for (var i = 0; i < 200; i++)
            {
                peers.Add(Connect(path));
            }

            Assert.Equal("Paused: 100", server.WaitLine("Paused"));
            server.SendLine("thread");
            Assert.Equal("Thread started", server.WaitLine("Thread "));

            peers.ForEach(p => p.Dispose());
            peers.Clear();
            server.WaitLine("Resumed");

            using var client = Connect(path);
            client.Send("ping"u8);
            var echo = new byte[4];
            var got = 0;
            while (got < echo.Length)
            {
                var n = client.Receive(echo.AsSpan(got));
                Assert.True(n > 0, "the server closed instead of echoing; " + server.Output);
                got += n;
            }

            Assert.Equal("ping", Encoding.ASCII.GetString(echo));
        }
        finally
        {
            peers.ForEach(p => p.Dispose());
        }
    }

    private static Socket Connect(string path)
    {
        var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified) { ReceiveTimeout = 60_000 };
        socket.Connect(new UnixDomainSocketEndPoint(path));
        return socket;
    }
}
