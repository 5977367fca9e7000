namespace AkkaIpc.Sockets.Tests;

/// <summary>What the peer sent before it closed is delivered, whatever this end does meanwhile (issue 11 #1).</summary>
public sealed class PeerClosedTests : IDisposable
{
    private const int Sent = 150_000;
    private readonly TestPaths _paths = new();

    public void Dispose() => _paths.Dispose();

    [Fact]
    public async Task A_write_that_fails_after_the_peer_closed_keeps_every_byte_the_peer_sent_before_closing()
    {
        var path = _paths.Next();
        using var reader = new IpcSocket(new IpcSocketOptions { ReceiveBufferLimit = 64 * 1024, EventMode = IpcEventMode.Manual })
        {
            Path = path,
        };
        var connected = reader.ListenAsync();

        // A real second process sends 150,000 bytes (in the kernel before it prints Sent) and exits, closing its end.
        using var peer = PeerProcess.Start("connect", path, "--send-bytes", Sent.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await connected.WaitAsync(EventRecorder.Timeout);
        peer.WaitLine("Sent: ");
        Assert.Equal(0, peer.WaitForExit());

        // The request/reply shape: this end writes before it reads; the peer is gone, so the send fails (EPIPE).
        reader.Write([1, 2, 3, 4]);

        var received = await StalledReader.ReadToLossAsync(reader);
        var expected = new byte[Sent];
        new Random(1).NextBytes(expected);
        Assert.Equal(Sent, received.Length);
        Assert.Equal(expected, received);
        Assert.Equal(IpcErrorCode.LostConnection, reader.LastErrorCode);
    }
}
