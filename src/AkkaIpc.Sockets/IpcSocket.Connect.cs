using System.Net.Sockets;
using AkkaIpc.Sockets.Internal;

namespace AkkaIpc.Sockets;

// Connecting: Connect, ConnectAsync (which waits out a full backlog), and the state changes around them.
public sealed partial class IpcSocket
{
    private static readonly TimeSpan BacklogRetryFirst = TimeSpan.FromMilliseconds(1);
    private static readonly TimeSpan BacklogRetryMax = TimeSpan.FromMilliseconds(100);

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
    /// Where <see cref="Connect"/> blocks while the listener's backlog is full, this waits too: it tries again, with a
    /// fresh OS socket, after 1 ms, then after twice as long each time, at most every 100 ms, until there is room or
    /// the token is cancelled.
    /// </remarks>
    /// <param name="cancellationToken">Cancels the attempt; the socket stays closed.</param>
    /// <returns>A task that completes once connected.</returns>
    /// <exception cref="IpcSocketException">The codes of <see cref="Connect"/>.</exception>
    /// <exception cref="OperationCanceledException">The token was cancelled.</exception>
    public async Task ConnectAsync(CancellationToken cancellationToken = default)
    {
        var (socket, generation) = BeginConnect();
        var pause = BacklogRetryFirst;
        while (true)
        {
            try
            {
                await socket.ConnectAsync(new UnixDomainSocketEndPoint(_path), cancellationToken).ConfigureAwait(false);
                break;
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                AbandonConnect(socket, generation);
                throw;
            }
            catch (SocketException e) when (e.SocketErrorCode is SocketError.WouldBlock or SocketError.TryAgain)
            {
                // The backlog is full (EAGAIN). A socket whose connect failed cannot connect again: wait, then a new one.
                socket = await ReplaceAfterAsync(socket, generation, pause, cancellationToken).ConfigureAwait(false);
                pause = TimeSpan.FromTicks(Math.Min(pause.Ticks * 2, BacklogRetryMax.Ticks));
            }
            catch (Exception e) when (e is SocketException or ObjectDisposedException)
            {
                throw ConnectFailed(socket, generation, e);
            }
        }

        EndConnect(socket, generation);
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

    /// <summary>
    /// After a connect refused for a full backlog: waits <paramref name="pause"/>, then puts a fresh OS socket in place of
    /// <paramref name="failed"/> for the next try.
    /// </summary>
    /// <exception cref="IpcSocketException">106 when the socket was closed meanwhile; 100 when no new socket can be made.</exception>
    /// <exception cref="OperationCanceledException">The token was cancelled (the socket is closed again).</exception>
    private async Task<Socket> ReplaceAfterAsync(Socket failed, int generation, TimeSpan pause, CancellationToken cancellationToken)
    {
        failed.Dispose();
        try
        {
            await Task.Delay(pause, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            AbandonConnect(failed, generation);
            throw;
        }

        lock (_gate)
        {
            if (generation != _generation)
            {
                throw Fail(IpcErrorCode.InvalidStateError, "the socket was closed while connecting");
            }

            try
            {
                var fresh = SocketErrors.CreateSocket(_path);
                _socket = fresh;
                return fresh;
            }
            catch (IpcSocketException e)
            {
                _generation++;
                _socket = null;
                _state = SocketState.Closed;
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
}
