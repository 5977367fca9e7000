using Akka.IO;
using Akka.Streams.Dsl;
using Akka.Streams;
using Akka.Streams.Stage;
using AkkaIpc.Sockets;
using StreamTcp = Akka.Streams.Dsl.Tcp;

namespace AkkaIpc.Streams.Internal;

/// <summary>
/// Moves bytes between one <see cref="IpcSocket"/> and a flow's ports, with the meaning of Akka.Streams' TCP stages.
/// Reading: only on demand — a pull reads what the socket has buffered, or waits for it; while nobody pulls, the
/// socket's receive buffer fills to its limit and it stops reading from the kernel, so the peer is slowed down.
/// Writing: one element at a time, the next pulled once the last is in the kernel. Closing: the peer's end of
/// stream completes the outlet; the inlet's completion closes the connection, or with half-close only its sending side.
/// </summary>
/// <remarks>
/// States: connecting (outgoing only: no pulls) → connected → the stage completes once both directions are done,
/// or fails on the first socket error. The socket is always opened with
/// <see cref="IpcSocketOptions.KeepOpenOnPeerClosed"/>, so end of stream (read returns 0) and a lost connection
/// (102) stay apart.
/// </remarks>
internal sealed partial class ConnectionLogic : GraphStageLogic
{
    private readonly Inlet<ByteString> _in;
    private readonly Outlet<ByteString> _out;
    private readonly IpcSocket _socket;
    private readonly bool _halfClose;
    private readonly Action<ValueTask<int>> _onReadCompleted;
    private readonly Action<ValueTask> _onWriteCompleted;
    private readonly OutgoingPromise? _outgoing;
    private bool _connected;

    /// <param name="shape">The flow's shape.</param>
    /// <param name="socket">An accepted socket (connected), or a fresh one that <see cref="ConnectAsync"/> connects.</param>
    /// <param name="halfClose">When the inlet completes, shut only the sending side and read on until the peer ends.</param>
    /// <param name="outgoing">For an outgoing connection: the connect timeout and the promise of the materialized value.</param>
    public ConnectionLogic(FlowShape<ByteString, ByteString> shape, IpcSocket socket, bool halfClose, OutgoingPromise? outgoing)
        : base(shape)
    {
        _outgoing = outgoing;
        _in = shape.Inlet;
        _out = shape.Outlet;
        _socket = socket;
        _halfClose = halfClose;
        _scratch = new byte[ReadChunk];
        _onReadCompleted = GetAsyncCallback<ValueTask<int>>(OnReadCompleted);
        _onWriteCompleted = GetAsyncCallback<ValueTask>(OnWriteCompleted);
        SetHandler(_in, OnPush, OnUpstreamFinish, OnUpstreamFailure);
        SetHandler(_out, OnPull, OnDownstreamFinish);
    }

    public override void PreStart()
    {
        // The stage decides itself when it is done: closed ports alone must not stop it while bytes are under way.
        SetKeepGoing(true);
        if (_outgoing is null)
        {
            _socket.StartEvents();
            OnConnected();
            return;
        }

        var onConnectCompleted = GetAsyncCallback<Task>(OnConnectCompleted);
        _ = ConnectAsync(_socket, _outgoing.Timeout).ContinueWith(
            static (t, state) => ((Action<Task>)state!)(t),
            onConnectCompleted,
            CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);
    }

    public override void PostStop()
    {
        _socket.Dispose();
        _outgoing?.Promise.TrySetException(new StreamTcpException($"the connection to {_socket.Path} ended before it was made"));
    }

    private static async Task ConnectAsync(IpcSocket socket, TimeSpan? timeout)
    {
        using var cts = timeout is { } t ? new CancellationTokenSource(t) : null;
        try
        {
            await socket.ConnectAsync(cts?.Token ?? CancellationToken.None).ConfigureAwait(false);
        }
        catch (OperationCanceledException e) when (cts is { IsCancellationRequested: true })
        {
            throw new StreamTcpException($"connecting to {socket.Path} timed out after {timeout}", e);
        }
    }

    private void OnConnectCompleted(Task connect)
    {
        if (connect.Exception?.InnerException is { } e)
        {
            _outgoing!.Promise.TrySetException(e);
            FailStage(e);
            return;
        }

        var remote = new IpcEndPoint(_socket.Path, _socket.PeerCredentials);
        _outgoing!.Promise.TrySetResult(new StreamTcp.OutgoingConnection(remote, new IpcEndPoint(_socket.Path)));
        OnConnected();
    }

    /// <summary>The socket is connected (at once for an accepted socket).</summary>
    private void OnConnected()
    {
        _connected = true;
        if (IsClosed(_in))
        {
            FinishWriting();
        }
        else
        {
            Pull(_in);
        }

        if (IsAvailable(_out))
        {
            Read();
        }
    }

    /// <summary>Closes the whole connection (bytes already in the kernel still reach the peer) and completes.</summary>
    private void CloseAndComplete()
    {
        _socket.Close();
        CompleteStage();
    }

    private void Fail(Exception cause)
    {
        _socket.Close();
        FailStage(cause);
    }

    private void OnUpstreamFailure(Exception cause) => Fail(cause);

    private void OnDownstreamFinish(Exception cause)
    {
        if (cause is not SubscriptionWithCancelException.NonFailureCancellation)
        {
            Fail(cause);
        }
        else if (IsClosed(_in) && !_writing)
        {
            CloseAndComplete();
        }

        // Otherwise writing goes on; whatever the peer still sends is left unread until the connection closes.
    }

    private void OnUpstreamFinish()
    {
        if (_connected && !_writing)
        {
            FinishWriting();
        }
    }

    /// <summary>Every element is in the kernel and the inlet is closed: close, or with half-close shut the sending side.</summary>
    private void FinishWriting()
    {
        if (!_halfClose || IsClosed(_out))
        {
            CloseAndComplete();
            return;
        }

        _outputShut = true;
        var shutdown = _socket.ShutdownOutputAsync();
        if (!shutdown.IsCompletedSuccessfully)
        {
            _writing = true;
            if (shutdown.IsCompleted)
            {
                OnWriteCompleted(shutdown);
                return;
            }

            _ = shutdown.AsTask().ContinueWith(
                static (t, state) => ((Action<ValueTask>)state!)(new ValueTask(t)),
                _onWriteCompleted,
                CancellationToken.None,
                TaskContinuationOptions.ExecuteSynchronously,
                TaskScheduler.Default);
        }
    }

    /// <summary>The peer ended its sending side.</summary>
    private void OnEndOfStream()
    {
        Complete(_out);
        if (IsClosed(_in) && !_writing)
        {
            CloseAndComplete();
        }
    }
}
