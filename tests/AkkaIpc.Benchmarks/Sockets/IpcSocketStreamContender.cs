using AkkaIpc.Benchmarks.Contenders;
using AkkaIpc.Sockets;

namespace AkkaIpc.Benchmarks.Sockets;

/// <summary>
/// IpcSocket one direction: bulk is one Write per 64 KiB (room checked before each), small is one Write per
/// 32-byte message (the socket coalesces them; room checked every 1,024 messages). Back-pressure waits on
/// SendProgress; one Flush ends each phase.
/// </summary>
internal sealed class IpcSocketStreamContender : IStreamContender
{
    private const int SmallCheckEvery = 1024;
    private readonly byte[] _chunk;
    private readonly bool _messages;
    private PeerEndpoint? _endpoint;
    private IpcSocket? _socket;
    private EventDrivenClient? _client;

    private IpcSocketStreamContender(int chunk, bool messages)
    {
        _chunk = new byte[chunk];
        Random.Shared.NextBytes(_chunk);
        _messages = messages;
    }

    public string Layer => "ipcsocket";

    public static IpcSocketStreamContender Bulk() => new(StreamSizes.BulkChunk, messages: false);

    public static IpcSocketStreamContender Small() => new(StreamSizes.SmallMessage, messages: true);

    public async Task StartAsync()
    {
        _endpoint = await PeerEndpoint.StartAsync("sink-uds").ConfigureAwait(false);
        _socket = new IpcSocket { Path = _endpoint.Path };
        _client = new EventDrivenClient(_socket);
        await _socket.ConnectAsync().ConfigureAwait(false);
    }

    public async ValueTask PhaseAsync(long writes)
    {
        var socket = _socket!;
        var client = _client!;
        var ack = client.ExpectAsync(1);
        socket.Write(RawSinkPeer.Header(writes * _chunk.Length));
        var checkEvery = _messages ? SmallCheckEvery : 1;
        for (var i = 0L; i < writes; i++)
        {
            if (i % checkEvery == 0)
                await client.WaitForRoomAsync(checkEvery * _chunk.Length).ConfigureAwait(false);
            socket.Write(_chunk);
        }

        socket.Flush();
        await ack.ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync()
    {
        _client?.Dispose();
        if (_socket is not null)
            await _socket.DisposeAsync().ConfigureAwait(false);
        if (_endpoint is not null)
            await _endpoint.DisposeAsync().ConfigureAwait(false);
    }
}
