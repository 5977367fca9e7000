using System.Globalization;
using System.Security.Cryptography;

namespace AkkaIpc.Sockets.Tests;

/// <summary>Close delivers what Write and Flush queued, within a linger the caller controls, and reports the rest (issue 11 #6).</summary>
public sealed class CloseLingerTests : IDisposable
{
    private readonly TestPaths _paths = new();

    public void Dispose() => _paths.Dispose();

    [Fact]
    public void Close_right_after_Write_and_Flush_delivers_every_byte_to_a_peer_process()
    {
        const int size = 3 * 1024 * 1024;
        var path = _paths.Next();
        using var peer = PeerProcess.Start("listen", path, "--expect-bytes", size.ToString(CultureInfo.InvariantCulture));
        peer.WaitLine("Listening");
        var data = new byte[size];
        new Random(6).NextBytes(data);

        var client = new IpcSocket { Path = path };
        client.Connect();
        for (var at = 0; at < size; at += 64 * 1024)
            client.Write(data.AsSpan(at, 64 * 1024));
        client.Flush();
        client.Close();

        Assert.Equal($"Received: {size} sha256={Convert.ToHexStringLower(SHA256.HashData(data))}", peer.WaitLine("Received: "));
        Assert.Equal(0, peer.WaitForExit());
    }

    [Fact]
    public void Close_reports_the_bytes_it_could_not_deliver_within_the_linger()
    {
        using var pair = new ConnectedPair(_paths.Next(), serverOptions: new IpcSocketOptions { ReceiveBufferLimit = 4096 }, drainServer: false);
        StalledReader.FillKernel(pair.Client, seed: 61);
        var left = pair.Client.BytesLeftToSend;

        // The peer never reads, so nothing more leaves within the linger.
        var e = Assert.Throws<IpcSocketException>(() => pair.Client.Close(TimeSpan.FromMilliseconds(100)));

        Assert.Equal(IpcErrorCode.InvalidStateError, e.ErrorNumber);
        Assert.Contains($"{left} written bytes", e.Message, StringComparison.Ordinal);
        Assert.False(pair.Client.IsConnected);
        Assert.Equal(0, pair.Client.BytesLeftToSend);
    }
}
