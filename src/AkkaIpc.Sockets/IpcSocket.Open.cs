using System.Net.Sockets;
using AkkaIpc.Sockets.Internal;

namespace AkkaIpc.Sockets;

public sealed partial class IpcSocket
{
    private const int SinglePeerBacklog = 16;

    private TaskCompletionSource? _connectedSignal;

    /// <summary>
    /// Listens at <see cref="Path"/> for one peer. A stale socket file (one nothing answers on) is removed first; the
    /// new file gets <see cref="IpcSocketOptions.SocketFileMode"/> before any peer can connect. When an allowed peer
    /// connects, <see cref="Connected"/> is raised on both ends; peers of other uids are closed and reported through
    /// <see cref="PeerRejected"/>, and listening goes on.
    /// </summary>
    /// <remarks>
    /// Reference semantics: one peer. While connected the listening descriptor stays open, so the path stays live
    /// (another Listen on it fails with 105, a Connect does not report 103); a second peer that connects meanwhile is
    /// accepted and closed at once, so it sees its connection end (102) right after connecting. The socket file is
    /// removed when this socket closes or loses its peer.
    /// </remarks>
    /// <exception cref="IpcSocketException">106 when not closed; 107 for an invalid path; 105 when a live listener or a
    /// non-socket file stands at the path (left untouched); 100 when the OS refuses (missing or read-only directory,
    /// no permission, descriptor exhaustion).</exception>
    /// <exception cref="ObjectDisposedException">The socket was disposed.</exception>
    public void Listen() => ListenCore();

    /// <summary>Listens like <see cref="Listen"/> and completes when a peer has connected.</summary>
    /// <param name="cancellationToken">Cancels the wait; the socket is then closed.</param>
    /// <returns>A task that completes once connected.</returns>
    /// <exception cref="IpcSocketException">The codes of <see cref="Listen"/>; 106 when closed before a peer connected;
    /// 100 when accepting fails.</exception>
    /// <exception cref="OperationCanceledException">The token was cancelled.</exception>
    public async Task ListenAsync(CancellationToken cancellationToken = default)
    {
        var connected = ListenCore();
        try
        {
            await connected.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            Close();
            throw;
        }
    }

    /// <summary>Listens and returns the task that completes when a peer has connected (or fails when closed first).</summary>
    private Task ListenCore()
    {
        Socket listener;
        Task connected;
        int generation;
        lock (_gate)
        {
            ThrowIfDisposed();
            if (_state != SocketState.Closed)
            {
                throw Fail(IpcErrorCode.InvalidStateError, $"cannot listen while {Describe(_state)}");
            }

            try
            {
                SocketPath.Validate(_path, Options.MaxPathBytes);
                listener = SocketFile.BindAndListen(_path, Options.SocketFileMode, SinglePeerBacklog, out var identity);
                _ownedFile = identity;
            }
            catch (IpcSocketException e)
            {
                throw Fail(e);
            }

            PrepareOpen();
            _listener = listener;
            _state = SocketState.Listening;
            generation = _generation;
            _connectedSignal = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            connected = _connectedSignal.Task;
        }

        _ = AcceptLoopAsync(listener, generation);
        return connected;
    }

    /// <summary>Connects to the listener at <see cref="Path"/>, then raises <see cref="Connected"/>.</summary>
    /// <remarks>Blocks only while the listener's backlog is full; use <see cref="ConnectAsync"/> to never block.</remarks>
    /// <exception cref="IpcSocketException">106 when not closed; 107 for an invalid path; 103 when nothing listens (no
    /// file, or a stale file that refuses connections); 100 when the OS refuses otherwise (e.g. no permission).</exception>
    /// <exception cref="ObjectDisposedException">The socket was disposed.</exception>
    public void Connect()
    {
        var (socket, generation) = BeginConnect();
        try
        {
            socket.Connect(new UnixDomainSocketEndPoint(_path));
        }
        catch (Exception e) when (e is SocketException or ObjectDisposedException)
        {
            throw ConnectFailed(socket, generation, e);
        }

        EndConnect(socket, generation);
    }

    /// <summary>Connects like <see cref="Connect"/> without blocking.</summary>
    /// <remarks>
    /// Where <see cref="Connect"/> would wait for room in the listener's full backlog, this fails at once with 100
    /// (the OS answers a non-blocking connect with EAGAIN); it does not wait for room.
    /// </remarks>
    /// <param name="cancellationToken">Cancels the attempt; the socket stays closed.</param>
    /// <returns>A task that completes once connected.</returns>
    /// <exception cref="IpcSocketException">The codes of <see cref="Connect"/>; 100 also when the listener's backlog is
    /// full.</exception>
    /// <exception cref="OperationCanceledException">The token was cancelled.</exception>
    public async Task ConnectAsync(CancellationToken cancellationToken = default)
    {
        var (socket, generation) = BeginConnect();
        try
        {
            await socket.ConnectAsync(new UnixDomainSocketEndPoint(_path), cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            AbandonConnect(socket, generation);
            throw;
        }
        catch (Exception e) when (e is SocketException or ObjectDisposedException)
        {
            throw ConnectFailed(socket, generation, e);
        }

        EndConnect(socket, generation);
    }

    /// <summary>
    /// Starts reading and raising events on a socket returned by <see cref="IpcListener.AcceptAsync"/>, beginning with
    /// <see cref="Connected"/>; until then it buffers nothing and raises nothing, so handlers can be attached first.
    /// A no-op for other sockets and when called again.
    /// </summary>
    public void StartEvents()
    {
        Socket? socket;
        int generation;
        lock (_gate)
        {
            if (!_accepted || _eventsStarted)
            {
                return;
            }

            _eventsStarted = true;
            socket = _state == SocketState.Connected ? _socket : null;
            generation = _generation;
        }

        _events.Release();
        if (socket is not null)
        {
            StartReceiving(socket, generation);
        }
    }

    private (Socket Socket, int Generation) BeginConnect()
    {
        lock (_gate)
        {
            ThrowIfDisposed();
            if (_state != SocketState.Closed)
            {
                throw Fail(IpcErrorCode.InvalidStateError, $"cannot connect while {Describe(_state)}");
            }

            try
            {
                SocketPath.Validate(_path, Options.MaxPathBytes);
                var socket = SocketErrors.CreateSocket(_path);
                PrepareOpen();
                _socket = socket;
                _state = SocketState.Connecting;
                return (socket, _generation);
            }
            catch (IpcSocketException e)
            {
                throw Fail(e);
            }
        }
    }

    private IpcSocketException ConnectFailed(Socket socket, int generation, Exception error)
    {
        var closedMeanwhile = !AbandonConnect(socket, generation);
        return Fail(closedMeanwhile || error is not SocketException se
            ? new IpcSocketException(IpcErrorCode.InvalidStateError, "the socket was closed while connecting", _path, error)
            : SocketErrors.ForConnect(se, _path));
    }

    /// <summary>Returns to Closed after a failed connect; false when Close already did.</summary>
    private bool AbandonConnect(Socket socket, int generation)
    {
        socket.Dispose();
        lock (_gate)
        {
            if (generation != _generation)
            {
                return false;
            }

            _generation++;
            _socket = null;
            _state = SocketState.Closed;
            return true;
        }
    }

    private void EndConnect(Socket socket, int generation)
    {
        lock (_gate)
        {
            if (generation != _generation)
            {
                socket.Dispose();
                throw Fail(IpcErrorCode.InvalidStateError, "the socket was closed while connecting");
            }

            BecomeConnected(socket, PeerCredentialReader.Read(socket), startReceiving: false);
        }

        StartReceiving(socket, generation);
    }

    /// <summary>Fresh per-connection state; called under the gate when opening.</summary>
    private void PrepareOpen()
    {
        _generation++;
        _peer = null;
        _send = new SendQueue();
        ResetReceiveBuffer(lostException: null);
        _events.Release();
    }

    /// <summary>Moves to Connected; called under the gate. Events queue behind Connected.</summary>
    private void BecomeConnected(Socket socket, PeerCredentials? credentials, bool startReceiving)
    {
        // Non-blocking, so Write can hand bytes to the kernel on the caller's thread without ever waiting.
        socket.Blocking = false;
        _socket = socket;
        _peer = credentials;
        _state = SocketState.Connected;
        _connectedSignal?.TrySetResult();
        _connectedSignal = null;
        _events.Post(new PendingEvent(PendingEventKind.Connected), drainInline: false);
        if (startReceiving)
        {
            StartReceiving(socket, _generation);
        }
    }
}
