using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace AkkaIpc.Benchmarks.Contenders;

/// <summary>The baselines: a plain <see cref="Socket"/> with awaited SendAsync/ReceiveAsync, over UDS or TCP loopback.</summary>
internal sealed class RawRoundTripContender : IRoundTripContender
{
    private readonly bool _tcp;
    private PeerEndpoint? _endpoint;
    private Socket? _socket;
    private byte[] _message = [];
    private byte[] _reply = [];

    public RawRoundTripContender(bool tcp) => _tcp = tcp;

    public string Layer => _tcp ? "raw-tcp" : "raw-uds";

    public async Task StartAsync(int size)
    {
        _message = new byte[size];
        _reply = new byte[size];
        Random.Shared.NextBytes(_message);
        _endpoint = await PeerEndpoint.StartAsync(_tcp ? "echo-tcp" : "echo-uds").ConfigureAwait(false);
        if (_tcp)
        {
            var port = int.Parse(_endpoint.Peer.ReadyInfo, CultureInfo.InvariantCulture);
            _socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            await _socket.ConnectAsync(new IPEndPoint(IPAddress.Loopback, port)).ConfigureAwait(false);
        }
        else
        {
            _socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
            await _socket.ConnectAsync(new UnixDomainSocketEndPoint(_endpoint.Path)).ConfigureAwait(false);
        }
    }

    public async ValueTask RunAsync(int count, LatencyRecorder recorder)
    {
        var socket = _socket!;
        for (var i = 0; i < count; i++)
        {
            var start = Stopwatch.GetTimestamp();
            await socket.SendAsync(_message.AsMemory()).ConfigureAwait(false);
            var got = 0;
            while (got < _reply.Length)
            {
                var n = await socket.ReceiveAsync(_reply.AsMemory(got)).ConfigureAwait(false);
                if (n == 0)
                    throw new InvalidOperationException("the echo peer closed the connection");
                got += n;
            }

            recorder.Record(Stopwatch.GetTimestamp() - start);
        }
    }

    public async ValueTask DisposeAsync()
    {
        _socket?.Dispose();
        if (_endpoint is not null)
            await _endpoint.DisposeAsync().ConfigureAwait(false);
    }
}
