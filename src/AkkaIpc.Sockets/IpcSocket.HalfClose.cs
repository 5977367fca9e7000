using System.Net.Sockets;
using AkkaIpc.Sockets.Internal;

namespace AkkaIpc.Sockets;

// Half-close: ending one direction while the other goes on (see IpcSocketOptions.KeepOpenOnPeerClosed).
public sealed partial class IpcSocket
{
    private bool _outputShut;
    private bool _inputEnded;

    /// <summary>
    /// Ends this side's sending half once every byte written so far is in the kernel: the peer reads them, then end
    /// of stream. Reading goes on (a peer with <see cref="IpcSocketOptions.KeepOpenOnPeerClosed"/> can still answer).
    /// Writes fail with 106 from the call on. Idempotent while connected.
    /// </summary>
    /// <param name="cancellationToken">Cancels the wait for queued bytes (writes stay refused; no end of stream is sent).</param>
    /// <returns>A task that completes once the end of stream is sent.</returns>
    /// <exception cref="IpcSocketException">106 when not connected or closed first; 102 when the connection is lost first.</exception>
    /// <exception cref="OperationCanceledException">The token was cancelled.</exception>
    public async ValueTask ShutdownOutputAsync(CancellationToken cancellationToken = default)
    {
        Socket socket;
        int generation;
        lock (_gate)
        {
            if (_state != SocketState.Connected || _socket is null)
            {
                throw Fail(IpcErrorCode.InvalidStateError, $"cannot shut down the sending side while {Describe(_state)}");
            }

            _outputShut = true;
            socket = _socket;
            generation = _generation;
        }

        await FlushAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            socket.Shutdown(SocketShutdown.Send);
        }
        catch (ObjectDisposedException e)
        {
            throw Fail(IpcErrorCode.InvalidStateError, "the socket was closed", e);
        }
        catch (SocketException e)
        {
            OnConnectionLost(generation, e, drainInline: false);
            throw Fail(SocketErrors.LostConnection(_path, e));
        }
    }

    /// <summary>The peer ended its sending side and <see cref="IpcSocketOptions.KeepOpenOnPeerClosed"/> is set.</summary>
    private void OnInputEnded(int generation)
    {
        TaskCompletionSource? waiter;
        lock (_receiveLock)
        {
            if (generation != Volatile.Read(ref _generation))
            {
                return;
            }

            _inputEnded = true;
            waiter = _dataWaiter;
            _dataWaiter = null;
        }

        waiter?.TrySetResult();
    }
}
