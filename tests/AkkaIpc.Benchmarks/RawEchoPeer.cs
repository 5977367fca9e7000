using System.Net;
using System.Net.Sockets;

namespace AkkaIpc.Benchmarks;

/// <summary>
/// The one echo every latency benchmark talks to: a raw socket, one connection, a dedicated thread with
/// blocking receive/send, so only the side under test varies between rows.
/// </summary>
internal static class RawEchoPeer
{
    public static void RunUds(string path)
    {
        using var listener = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        listener.Bind(new UnixDomainSocketEndPoint(path));
        listener.Listen(1);
        PeerMain.Ready();
        try
        {
            using var conn = listener.Accept();
            Echo(conn);
        }
        finally
        {
            File.Delete(path);
        }
    }

    public static void RunTcp()
    {
        using var listener = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        listener.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        listener.Listen(1);
        PeerMain.Ready(((IPEndPoint)listener.LocalEndPoint!).Port.ToString(System.Globalization.CultureInfo.InvariantCulture));
        using var conn = listener.Accept();
        conn.NoDelay = true;
        Echo(conn);
    }

    private static void Echo(Socket conn)
    {
        var buffer = new byte[256 * 1024];
        try
        {
            int n;
            while ((n = conn.Receive(buffer)) > 0)
                conn.Send(buffer.AsSpan(0, n));
        }
        catch (SocketException)
        {
            // The benchmark side reset the connection when it finished; that is the end of the echo.
        }
    }
}
