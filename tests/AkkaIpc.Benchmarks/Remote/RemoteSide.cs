using Akka.Actor;

namespace AkkaIpc.Benchmarks.Remote;

/// <summary>
/// One transport under test: a peer process running <see cref="RemoteNodePeer"/> and, here, an actor system over the
/// same transport with a <see cref="RemoteClient"/> bound to the peer's echo and sink.
/// </summary>
internal sealed class RemoteSide : IAsyncDisposable
{
    public static readonly TimeSpan Timeout = TimeSpan.FromMinutes(2);
    private readonly string _transport;
    private readonly string _socketDirectory = Path.Combine("/tmp", $"abr-{Guid.NewGuid().ToString("N")[..8]}");
    private PeerProcess? _peer;
    private ActorSystem? _system;
    private IActorRef _client = ActorRefs.Nobody;

    public RemoteSide(string transport) => _transport = transport;

    /// <summary>Round trips recorded by the measured phases.</summary>
    public LatencyRecorder? Recorder { get; set; }

    /// <summary>Time of the measured stream phases, in Stopwatch ticks.</summary>
    public long StreamTicks { get; set; }

    public async Task StartAsync(int size)
    {
        _peer = await PeerProcess.StartAsync("remote-node", _transport, _socketDirectory).ConfigureAwait(false);
        var address = _peer.ReadyInfo;
        _system = BenchSystem.Create("bench-remote", RemoteConfig.For(_transport, _socketDirectory));
        var echo = await _system.ActorSelection(address + "/user/echo").ResolveOne(Timeout).ConfigureAwait(false);
        var sink = await _system.ActorSelection(address + "/user/sink").ResolveOne(Timeout).ConfigureAwait(false);
        _client = _system.ActorOf(Props.Create(() => new RemoteClient(echo, sink, size)), "client");
    }

    public async ValueTask PingPongAsync(int count, LatencyRecorder recorder) =>
        await _client.Ask<RemoteClient.Done>(new RemoteClient.PingPong(count, recorder), Timeout).ConfigureAwait(false);

    public async ValueTask StreamAsync(long count) =>
        await _client.Ask<RemoteClient.Done>(new RemoteClient.Stream(count), Timeout).ConfigureAwait(false);

    public async ValueTask DisposeAsync()
    {
        if (_system is not null)
            await _system.Terminate().WaitAsync(Timeout).ConfigureAwait(false);
        if (_peer is not null)
        {
            await _peer.StopAsync(TimeSpan.FromSeconds(30)).ConfigureAwait(false);
            _peer.Dispose();
        }

        try
        {
            Directory.Delete(_socketDirectory, recursive: true);
        }
        catch (DirectoryNotFoundException)
        {
            // The dotnetty side never creates it.
        }
    }
}
