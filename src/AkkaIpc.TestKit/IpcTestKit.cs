using Akka.Configuration;
using Akka.TestKit;
using Xunit.Abstractions;

namespace AkkaIpc.TestKit;

/// <summary>
/// Base of a spec that tests a protocol over AkkaIpc links with Akka.TestKit.Xunit2: a fresh actor system per test,
/// <see cref="Ipc"/>, short socket paths removed afterwards (<see cref="NewSocketPath"/>), scripted peers closed
/// afterwards, and, with <c>virtualTime: true</c>, Akka's <see cref="TestScheduler"/> as <see cref="Clock"/>: every
/// policy of a link's supervisor (backoff without jitter, retry window, give-up, close-timeout) then waits for
/// <c>Clock.Advance</c>, never for the wall clock. The per-restart log lines are at debug level.
/// </summary>
public abstract class IpcTestKit : Akka.TestKit.Xunit2.TestKit
{
    /// <summary>The configuration that puts a spec on virtual time (and takes the jitter out of the backoff).</summary>
    public const string VirtualTimeConfig = """
        akka.scheduler.implementation = "Akka.TestKit.TestScheduler, Akka.TestKit"
        akka.ipc.backoff.random-factor = 0
        """;

    private const string KitConfig = """
        akka.ipc.backoff.log-level = debug
        akka.test.single-expect-default = 10s
        """;

    private readonly SocketPaths _paths = new();
    private readonly List<IDisposable> _peers = [];

    /// <summary>Starts the spec's actor system.</summary>
    /// <param name="config">HOCON for this spec (it wins over the kit's settings and AkkaIpc's defaults), or null.</param>
    /// <param name="output">xunit's output, for Akka's log lines, or null.</param>
    /// <param name="virtualTime">True to run the actor system's scheduler on <see cref="Clock"/>.</param>
    protected IpcTestKit(string? config = null, ITestOutputHelper? output = null, bool virtualTime = false)
        : base(ConfigurationFactory.ParseString(KitConfig + "\n" + (virtualTime ? VirtualTimeConfig : string.Empty) + "\n" + (config ?? string.Empty)), output: output)
    {
    }

    /// <summary>The AkkaIpc extension of the spec's actor system.</summary>
    protected IpcExtension Ipc => Sys.Ipc();

    /// <summary>The virtual clock (only with <c>virtualTime: true</c>).</summary>
    /// <exception cref="InvalidOperationException">The spec does not run on virtual time.</exception>
    protected TestScheduler Clock => Sys.Scheduler as TestScheduler
        ?? throw new InvalidOperationException("This spec does not run on virtual time: pass virtualTime: true to IpcTestKit.");

    /// <summary>A new, short, unique socket path; removed with the spec.</summary>
    /// <param name="name">A readable file name, or null.</param>
    /// <returns>The path.</returns>
    protected string NewSocketPath(string? name = null) => _paths.New(name);

    /// <summary>A <see cref="SocketPeer"/> listening on <paramref name="path"/>, closed with the spec.</summary>
    /// <param name="path">The socket file path.</param>
    /// <param name="framing">How the peer frames messages.</param>
    /// <returns>The peer.</returns>
    protected SocketPeer ListeningPeer(string path, PeerFraming framing = PeerFraming.LengthPrefixed) =>
        Track(SocketPeer.Listen(path, framing, RemainingOrDefault));

    /// <summary>A <see cref="SocketPeer"/> connected to <paramref name="path"/>, closed with the spec.</summary>
    /// <param name="path">The socket file path.</param>
    /// <param name="framing">How the peer frames messages.</param>
    /// <returns>The peer.</returns>
    protected async Task<SocketPeer> ConnectedPeerAsync(string path, PeerFraming framing = PeerFraming.LengthPrefixed) =>
        Track(await SocketPeer.ConnectAsync(path, framing, RemainingOrDefault).ConfigureAwait(false));

    /// <summary>A <see cref="ProcessPeer"/> (another process, SIGKILL-able) listening on <paramref name="path"/>.</summary>
    /// <param name="path">The socket file path.</param>
    /// <param name="framing">How the peer frames messages.</param>
    /// <returns>The peer.</returns>
    protected async Task<ProcessPeer> ListeningProcessAsync(string path, PeerFraming framing = PeerFraming.LengthPrefixed) =>
        Track(await ProcessPeer.ListenAsync(path, framing).ConfigureAwait(false));

    /// <summary>A <see cref="ProcessPeer"/> (another process, SIGKILL-able) connected to <paramref name="path"/>.</summary>
    /// <param name="path">The socket file path.</param>
    /// <param name="framing">How the peer frames messages.</param>
    /// <returns>The peer.</returns>
    protected async Task<ProcessPeer> ConnectedProcessAsync(string path, PeerFraming framing = PeerFraming.LengthPrefixed) =>
        Track(await ProcessPeer.ConnectAsync(path, framing).ConfigureAwait(false));

    /// <summary>A <see cref="LinkProxy"/> listening on a new path and forwarding to <paramref name="target"/>.</summary>
    /// <param name="target">The path it forwards to.</param>
    /// <returns>The proxy; its <see cref="LinkProxy.Path"/> is where to point the other side.</returns>
    protected LinkProxy Proxy(string target) => Track(LinkProxy.Start(NewSocketPath("proxy"), target));

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (!disposing)
            return;
        foreach (var peer in _peers)
            peer.Dispose();
        _paths.Dispose();
    }

    private T Track<T>(T peer)
        where T : IDisposable
    {
        _peers.Add(peer);
        return peer;
    }
}
