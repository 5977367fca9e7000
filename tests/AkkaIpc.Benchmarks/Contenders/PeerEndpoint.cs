namespace AkkaIpc.Benchmarks.Contenders;

/// <summary>A peer process listening on a fresh socket path; disposing stops the peer and removes the path.</summary>
internal sealed class PeerEndpoint : IAsyncDisposable
{
    private PeerEndpoint(PeerProcess peer, string path)
    {
        Peer = peer;
        Path = path;
    }

    public PeerProcess Peer { get; }

    public string Path { get; }

    /// <summary>Starts <c>--peer MODE PATH</c> on a new path (modes that take no path ignore it).</summary>
    public static async Task<PeerEndpoint> StartAsync(string mode)
    {
        var path = SocketPaths.New();
        var peer = await PeerProcess.StartAsync(mode, path).ConfigureAwait(false);
        return new PeerEndpoint(peer, path);
    }

    public ValueTask DisposeAsync()
    {
        Peer.Dispose();
        SocketPaths.Delete(Path);
        return ValueTask.CompletedTask;
    }
}
