using System.Diagnostics;
using AkkaIpc.Benchmarks.Contenders;
using AkkaIpc.Sockets;

namespace AkkaIpc.Benchmarks.Sockets;

/// <summary>IpcSocket (automatic events) against the raw echo peer: Write out, DataAvailable + Read in.</summary>
internal sealed class IpcSocketRoundTripContender : IRoundTripContender
{
    private PeerEndpoint? _endpoint;
    private IpcSocket? _socket;
    private EventDrivenClient? _client;
    private byte[] _message = [];

    public string Layer => "ipcsocket";

    public async Task StartAsync(int size)
    {
        _message = new byte[size];
        Random.Shared.NextBytes(_message);
        _endpoint = await PeerEndpoint.StartAsync("echo-uds").ConfigureAwait(false);
        _socket = new IpcSocket { Path = _endpoint.Path };
        _client = new EventDrivenClient(_socket, waitsForRoom: false);
        await _socket.ConnectAsync().ConfigureAwait(false);
    }

    public async ValueTask RunAsync(int count, LatencyRecorder recorder)
    {
        var client = _client!;
        for (var i = 0; i < count; i++)
        {
            var start = Stopwatch.GetTimestamp();
            await client.SendAndReceiveAsync(_message, _message.Length).ConfigureAwait(false);
            recorder.Record(Stopwatch.GetTimestamp() - start);
        }
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
