using System.Net.Sockets;

namespace AkkaIpc.Benchmarks.Contenders;

/// <summary>
/// The one-direction baselines over UDS: 64 KiB SendAsync calls (bulk), or one awaited SendAsync (one
/// syscall) per 32-byte message (small).
/// </summary>
internal sealed class RawStreamContender : IStreamContender
{
    private readonly byte[] _chunk;
    private readonly byte[] _ack = new byte[1];
    private PeerEndpoint? _endpoint;
    private Socket? _socket;

    private RawStreamContender(int chunk, string layer)
    {
        _chunk = new byte[chunk];
        Random.Shared.NextBytes(_chunk);
        Layer = layer;
    }

    public string Layer { get; }

    public static RawStreamContender Bulk() => new(StreamSizes.BulkChunk, "raw-uds");

    public static RawStreamContender Small() => new(StreamSizes.SmallMessage, "raw-uds-per-send");

    public async Task StartAsync()
    {
        _endpoint = await PeerEndpoint.StartAsync("sink-uds").ConfigureAwait(false);
        _socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        await _socket.ConnectAsync(new UnixDomainSocketEndPoint(_endpoint.Path)).ConfigureAwait(false);
    }

    public async ValueTask PhaseAsync(long writes)
    {
        var socket = _socket!;
        await socket.SendAsync(RawSinkPeer.Header(writes * _chunk.Length)).ConfigureAwait(false);
        for (var i = 0L; i < writes; i++)
            await socket.SendAsync(_chunk.AsMemory()).ConfigureAwait(false);
        if (await socket.ReceiveAsync(_ack.AsMemory()).ConfigureAwait(false) != 1)
            throw new InvalidOperationException("the sink closed before acknowledging a phase");
    }

    public async ValueTask DisposeAsync()
    {
        _socket?.Dispose();
        if (_endpoint is not null)
            await _endpoint.DisposeAsync().ConfigureAwait(false);
    }
}
