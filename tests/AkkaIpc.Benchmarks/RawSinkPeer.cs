using System.Buffers.Binary;
using System.Net.Sockets;

namespace AkkaIpc.Benchmarks;

/// <summary>
/// The receiving end of the one-direction benchmarks: a raw socket that reads phases, each an 8-byte
/// little-endian length followed by that many bytes, and answers each complete phase with one byte.
/// The sender's clock therefore stops only once every byte has reached this process.
/// </summary>
internal static class RawSinkPeer
{
    public const int HeaderBytes = 8;

    public static void Run(string path)
    {
        using var listener = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        listener.Bind(new UnixDomainSocketEndPoint(path));
        listener.Listen(1);
        PeerMain.Ready();
        try
        {
            using var conn = listener.Accept();
            Consume(conn);
        }
        finally
        {
            File.Delete(path);
        }
    }

    public static byte[] Header(long phaseBytes)
    {
        var header = new byte[HeaderBytes];
        BinaryPrimitives.WriteInt64LittleEndian(header, phaseBytes);
        return header;
    }

    private static void Consume(Socket conn)
    {
        var buffer = new byte[256 * 1024];
        Span<byte> header = stackalloc byte[HeaderBytes];
        var headerFill = 0;
        long remaining = -1;   // -1: reading a header
        byte[] ack = [1];
        try
        {
            int n;
            while ((n = conn.Receive(buffer)) > 0)
            {
                var span = buffer.AsSpan(0, n);
                while (span.Length > 0)
                {
                    if (remaining < 0)
                    {
                        var take = Math.Min(HeaderBytes - headerFill, span.Length);
                        span[..take].CopyTo(header[headerFill..]);
                        headerFill += take;
                        span = span[take..];
                        if (headerFill < HeaderBytes)
                            break;
                        remaining = BinaryPrimitives.ReadInt64LittleEndian(header);
                        headerFill = 0;
                    }

                    var body = (int)Math.Min(remaining, span.Length);
                    span = span[body..];
                    remaining -= body;
                    if (remaining == 0)
                    {
                        conn.Send(ack);
                        remaining = -1;
                    }
                }
            }
        }
        catch (SocketException)
        {
            // The sender reset the connection when it finished.
        }
    }
}
