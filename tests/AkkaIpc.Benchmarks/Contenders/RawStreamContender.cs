using System.Net.Sockets;

namespace AkkaIpc.Benchmarks.Contenders;

/// <summary>
/// The one-direction baselines over UDS: 64 KiB SendAsync calls (bulk), or one awaited SendAsync (one
/// syscall) per 32-byte message (small).
/// </summary>
internal sealed class RawStreamContender : IStreamContender
{
    private readonly byte[] _chunk;
    private readonly bool _messages;
    private readonly byte[] _ack = new byte[1];
    private PeerEndpoint? _endpoint;
    private Socket? _socket;

    private RawStreamContender(int chunk, bool messages, string layer)
    {
        _chunk = new byte[chunk];
        Random.Shared.NextBytes(_chunk);
        _messages = messages;
        Layer = layer;
    }

    public string Layer { get; }

    /// <summary>Phases in bytes, sent in 64 KiB writes.</summary>
    public static RawStreamContender Bulk() => new(StreamSizes.BulkChunk, messages: false, "raw-uds");

    /// <summary>Phases in 32-byte messages, one send each.</summary>
    public static RawStreamContender Small() => new(StreamSizes.SmallMessage, messages: true, "raw-uds-per-send");

    public async Task StartAsync()
    {
        _endpoint = await PeerEndpoint.StartAsync("sink-uds").ConfigureAwait(false);
        _socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        await _socket.ConnectAsync(new UnixDomainSocketEndPoint(_endpoint.Path)).ConfigureAwait(false);
    }

    public async ValueTask PhaseAsync(long units)
    {
        var socket = _socket!;
        var bytes = _messages ? units * _chunk.Length : units;
        await socket.SendAsync(RawSinkPeer.Header(bytes)).ConfigureAwait(false);
        for (var sent = 0L; sent < bytes; sent += _chunk.Length)
            await socket.SendAsync(_chunk.AsMemory(0, (int)Math.Min(_chunk.Length, bytes - sent))).ConfigureAwait(false);
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
