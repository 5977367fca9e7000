namespace AkkaIpc.Sockets.Tests;

/// <summary>
/// Helpers for a pair whose server does not read (ConnectedPair with drainServer: false and a small receive buffer):
/// fill every buffer between the two ends so that later writes stay in the client's send queue, then read on demand.
/// </summary>
internal static class StalledReader
{
    /// <summary>
    /// Writes 64 KiB blocks until the kernel refuses some (so a send is in flight, waiting for the reader);
    /// returns every byte written.
    /// </summary>
    public static byte[] FillKernel(IpcSocket client, int seed)
    {
        var random = new Random(seed);
        var written = new MemoryStream();
        var block = new byte[64 * 1024];
        for (var i = 0; i < 1000 && client.BytesLeftToSend == 0; i++)
        {
            random.NextBytes(block);
            client.Write(block);
            written.Write(block);
        }

        Assert.True(client.BytesLeftToSend > 0, "the kernel took 64 MiB from a reader that does not read");
        return written.ToArray();
    }

    /// <summary>Reads exactly <paramref name="count"/> bytes with ReadAsync (bounded).</summary>
    public static async Task<byte[]> ReadExactlyAsync(IpcSocket server, int count)
    {
        var bytes = new byte[count];
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        for (var read = 0; read < count;)
        {
            read += await server.ReadAsync(bytes.AsMemory(read), timeout.Token);
        }

        return bytes;
    }

    /// <summary>Reads until the connection is lost (102) and returns everything read (bounded).</summary>
    public static async Task<byte[]> ReadToLossAsync(IpcSocket server)
    {
        var received = new MemoryStream();
        var chunk = new byte[64 * 1024];
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (true)
        {
            try
            {
                var n = await server.ReadAsync(chunk, timeout.Token);
                received.Write(chunk, 0, n);
            }
            catch (IpcSocketException e) when (e.ErrorNumber == IpcErrorCode.LostConnection)
            {
                return received.ToArray();
            }
        }
    }

    public static byte[] Random(int count, int seed)
    {
        var bytes = new byte[count];
        new Random(seed).NextBytes(bytes);
        return bytes;
    }

    public static byte[] Concat(params byte[][] parts) => parts.SelectMany(p => p).ToArray();
}
