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
        _outputShut = false;
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
