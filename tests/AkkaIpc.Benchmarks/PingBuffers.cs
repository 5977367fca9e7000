using System.Net.Sockets;

namespace AkkaIpc.Benchmarks;

/// <summary>One scale client connection's 32-byte ping and reply buffers, and the two halves of a round trip.</summary>
internal sealed class PingBuffers
{
    public const int MessageSize = 32;

    private readonly byte[] _ping = new byte[MessageSize];
    private readonly byte[] _reply = new byte[MessageSize];

    public async ValueTask RoundTripAsync(Socket socket)
    {
        await socket.SendAsync(_ping.AsMemory()).ConfigureAwait(false);
        await ReceiveReplyAsync(socket).ConfigureAwait(false);
    }

    /// <summary>A synchronous send: a 32-byte write to a socket with one message in flight never waits for room.</summary>
    public void Send(Socket socket) => socket.Send(_ping);

    public async ValueTask ReceiveReplyAsync(Socket socket)
    {
        var got = 0;
        while (got < MessageSize)
        {
            var read = await socket.ReceiveAsync(_reply.AsMemory(got)).ConfigureAwait(false);
            if (read == 0)
                throw new InvalidOperationException("the server closed a client connection");
            got += read;
        }
    }
}
