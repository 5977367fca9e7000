using System.Net.Sockets;
using AkkaIpc.Sockets.Internal;

namespace AkkaIpc.Sockets;

/// <summary>
/// Accepts any number of peers on one socket path (the server side of the actor layer). It follows the same
/// socket-file rules as <see cref="IpcSocket.Listen"/>: a stale file is reclaimed, a live listener's file or a
/// non-socket is never touched (105), the file gets <see cref="IpcSocketOptions.SocketFileMode"/> before listening,
/// and <see cref="Stop"/> removes the file only if it is still the one this listener created.
/// </summary>
public sealed class IpcListener : IDisposable, IAsyncDisposable
{
    private const int Backlog = 512;
    private static readonly TimeSpan AcceptRetryDelay = TimeSpan.FromMilliseconds(100);

    private readonly IpcSocketOptions _options;
    private readonly Lock _gate = new();
    private Socket? _socket;
    private FileIdentity? _ownedFile;
    private bool _stopped;
    private bool _paused;

    /// <summary>Creates a listener for <paramref name="path"/>; nothing happens until <see cref="Start"/>.</summary>
    /// <param name="path">The socket file's path.</param>
    /// <param name="options">Options for the listener and the accepted sockets; <see cref="IpcSocketOptions.Default"/> when null.</param>
    /// <exception cref="ArgumentNullException"><paramref name="path"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range.</exception>
    public IpcListener(string path, IpcSocketOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        Path = path;
        _options = options ?? IpcSocketOptions.Default;
        _options.Validate();
    }

    /// <summary>
    /// Raised when a peer whose uid the options do not allow was closed, on the thread running
    /// <see cref="AcceptAsync"/>. Accepting goes on.
    /// </summary>
    public event EventHandler<IpcPeerRejectedEventArgs>? PeerRejected;

    /// <summary>
    /// Raised when the process ran out of descriptors while accepting (100): accepting pauses (peers wait in the
    /// backlog) until descriptors are free again. Raised on the thread running <see cref="AcceptAsync"/>, once per pause.
    /// </summary>
    public event EventHandler<IpcErrorEventArgs>? AcceptingPaused;

    /// <summary>Raised when accepting goes on after <see cref="AcceptingPaused"/>, on the thread running <see cref="AcceptAsync"/>.</summary>
    public event EventHandler? AcceptingResumed;

    /// <summary>The socket file's path.</summary>
    public string Path { get; }

    /// <summary>Binds, sets the file mode, then listens.</summary>
    /// <exception cref="IpcSocketException">106 when already started or stopped; 107 for an invalid path; 105 when a
    /// live listener or a non-socket file stands at the path; 100 when the OS refuses.</exception>
    public void Start()
    {
        lock (_gate)
        {
            if (_socket is not null || _stopped)
            {
                throw new IpcSocketException(IpcErrorCode.InvalidStateError, "the listener was already started", Path);
            }

            SocketPath.Validate(Path, _options.MaxPathBytes);
            _socket = SocketFile.BindAndListen(Path, _options.SocketFileMode, Backlog, out var identity);
            _ownedFile = identity;
        }
    }

    /// <summary>
    /// Waits for the next allowed peer and returns it as a connected <see cref="IpcSocket"/> with this listener's
    /// options. The socket neither reads nor raises events until its owner calls <see cref="IpcSocket.StartEvents"/>.
    /// Peers of other uids are closed, reported through <see cref="PeerRejected"/> and skipped. Accepting never takes
    /// the process's last descriptors (the runtime needs a few to start threads): short of them it pauses
    /// (<see cref="AcceptingPaused"/>, peers wait in the backlog) and checks again every 100 ms instead of failing.
    /// </summary>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>The accepted socket.</returns>
    /// <exception cref="IpcSocketException">106 when not started or stopped; 100 when accepting fails otherwise.</exception>
    /// <exception cref="OperationCanceledException">The token was cancelled.</exception>
    public async ValueTask<IpcSocket> AcceptAsync(CancellationToken cancellationToken = default)
    {
        var listener = _socket ?? throw new IpcSocketException(
            IpcErrorCode.InvalidStateError, "the listener is not started", Path);
        while (true)
        {
            if (!DescriptorReserve.Shared.TryReserveRoom())
            {
                Pause(null);
                await Task.Delay(AcceptRetryDelay, cancellationToken).ConfigureAwait(false);
                continue;
            }

            Resume();
            Socket peer;
            try
            {
                peer = await listener.AcceptAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (SocketException e) when (SocketErrors.IsDescriptorExhaustion(e))
            {
                DescriptorReserve.Shared.Release();
                Pause(e);
                await Task.Delay(AcceptRetryDelay, cancellationToken).ConfigureAwait(false);
                continue;
            }
            catch (SocketException e) when (SocketErrors.IsTransientAcceptError(e) && !_stopped)
            {
                continue;
            }
            catch (Exception e) when (_stopped && e is SocketException or ObjectDisposedException)
            {
                throw new IpcSocketException(IpcErrorCode.InvalidStateError, "the listener was stopped", Path, e);
            }
            catch (SocketException e)
            {
                throw new IpcSocketException(IpcErrorCode.OpenDriverError, $"accepting a peer failed: {e.Message}", Path, e);
            }

            var credentials = PeerCredentialReader.Read(peer);
            if (PeerCredentialReader.IsAllowed(credentials, _options))
            {
                return new IpcSocket(peer, Path, _options, credentials);
            }

            peer.ShutdownAndDispose();
            PeerRejected?.Invoke(this, new IpcPeerRejectedEventArgs(credentials!));
        }
    }

    private void Pause(SocketException? cause)
    {
        if (_paused)
        {
            return;
        }

        _paused = true;
        AcceptingPaused?.Invoke(this, new IpcErrorEventArgs(new IpcSocketException(IpcErrorCode.OpenDriverError,
            "the process is out of file descriptors (a few are kept for the runtime): accepting paused until connections end", Path, cause)));
    }

    private void Resume()
    {
        if (_paused)
        {
            _paused = false;
            AcceptingResumed?.Invoke(this, EventArgs.Empty);
        }
    }

    /// <summary>
    /// Stops listening and removes the socket file if it is still the one this listener created. Sockets already
    /// accepted stay open. Pending <see cref="AcceptAsync"/> calls fail with 106. Idempotent.
    /// </summary>
    public void Stop()
    {
        lock (_gate)
        {
            _stopped = true;
            if (_ownedFile is { } identity)
            {
                // Before closing: the bound socket pins the inode, so its number cannot have been reused.
                SocketFile.RemoveIfOwned(Path, identity);
                _ownedFile = null;
            }

            _socket?.Dispose();
            _socket = null;
        }
    }

    /// <summary>Stops the listener (see <see cref="Stop"/>).</summary>
    public void Dispose() => Stop();

    /// <summary>Stops the listener (see <see cref="Stop"/>).</summary>
    /// <returns>A completed task.</returns>
    public ValueTask DisposeAsync()
    {
        Stop();
        return ValueTask.CompletedTask;
    }
}
