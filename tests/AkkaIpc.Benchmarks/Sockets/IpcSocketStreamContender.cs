using AkkaIpc.Benchmarks.Contenders;
using AkkaIpc.Sockets;

namespace AkkaIpc.Benchmarks.Sockets;

/// <summary>
/// IpcSocket one direction: bulk is one awaited WriteAsync per 64 KiB, sent from the chunk itself without a copy (as
/// the raw baseline awaits one SendAsync per 64 KiB); small is one Write per 32-byte message (the socket coalesces
/// them; room checked every 1,024 messages, waiting on SendProgress). One Flush ends each phase.
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
        _client = new EventDrivenClient(_socket, waitsForRoom: _messages);
        await _socket.ConnectAsync().ConfigureAwait(false);
    }

    public async ValueTask PhaseAsync(long writes)
    {
        var socket = _socket!;
        var client = _client!;
        var ack = client.ExpectAsync(1);
        socket.Write(RawSinkPeer.Header(writes * _chunk.Length));
        if (_messages)
        {
            for (var i = 0L; i < writes; i++)
            {
                if (i % SmallCheckEvery == 0)
                    await client.WaitForRoomAsync(SmallCheckEvery * _chunk.Length).ConfigureAwait(false);
                socket.Write(_chunk);
            }
        }
        else
        {
            var chunk = _chunk.AsMemory();
            for (var i = 0L; i < writes; i++)
                await socket.WriteAsync(chunk).ConfigureAwait(false);
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
