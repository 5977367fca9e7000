using System.Net.Sockets;

namespace AkkaIpc.Benchmarks;

/// <summary>
/// Peer mode <c>serve-raw PATH</c>: the scale benchmark's server written with raw sockets (an accept loop and
/// one async echo loop per connection), for comparison with the actor layer's Serve (opt-in: <c>--only scale/raw</c>).
/// Speaks <see cref="ServerCommandLoop"/> on stdin.
/// </summary>
internal static class RawScaleServerPeer
{
    private static int _connections;

    public static async Task<int> RunAsync(string[] args)
    {
        var path = args[0];
        using var listener = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        listener.Bind(new UnixDomainSocketEndPoint(path));
        listener.Listen(1024);
        PeerMain.Ready();
        _ = Task.Run(() => AcceptLoopAsync(listener));
        try
        {
            await ServerCommandLoop.RunAsync(() => Task.FromResult(Volatile.Read(ref _connections))).ConfigureAwait(false);
            return 0;
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static async Task AcceptLoopAsync(Socket listener)
    {
        while (true)
        {
            var conn = await listener.AcceptAsync().ConfigureAwait(false);
            Interlocked.Increment(ref _connections);
            _ = Task.Run(() => EchoAsync(conn));
        }
    }

    private static async Task EchoAsync(Socket conn)
    {
        var buffer = new byte[4096];
        try
        {
            int n;
            while ((n = await conn.ReceiveAsync(buffer.AsMemory()).ConfigureAwait(false)) > 0)
                await conn.SendAsync(buffer.AsMemory(0, n)).ConfigureAwait(false);
        }
        catch (SocketException)
        {
            // A client reset its connection on exit.
        }
        finally
        {
            conn.Dispose();
            Interlocked.Decrement(ref _connections);
        }
    }
}
