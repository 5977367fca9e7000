using Akka.Streams;
using Akka.Streams.Stage;
using AkkaIpc.Sockets;
using StreamTcp = Akka.Streams.Dsl.Tcp;

namespace AkkaIpc.Streams.Internal;

/// <summary>
/// Listens on a socket path with <see cref="IpcListener"/> (its socket-file rules and peer-uid checks) and emits
/// every accepted peer as an <see cref="StreamTcp.IncomingConnection"/>, one accept per pull. Cancelling the source or
/// unbinding stops listening and removes the socket file; connections already emitted stay open.
/// </summary>
internal sealed class ConnectionSourceStage : GraphStageWithMaterializedValue<SourceShape<StreamTcp.IncomingConnection>, Task<StreamTcp.ServerBinding>>
{
    private readonly string _path;
    private readonly IpcSocketOptions _options;
    private readonly Func<IpcSocket, IpcEndPoint, TimeSpan?, StreamTcp.IncomingConnection> _connection;

    /// <param name="path">The socket file's path.</param>
    /// <param name="options">Options of the listener and the accepted sockets.</param>
    /// <param name="connection">
    /// Wraps an accepted socket (and the peer's end point) as the emitted element; the third argument is how long its
    /// flow may wait to be materialized before the socket is closed (null: forever).
    /// </param>
    public ConnectionSourceStage(string path, IpcSocketOptions options, Func<IpcSocket, IpcEndPoint, TimeSpan?, StreamTcp.IncomingConnection> connection)
    {
        _path = path;
        _options = options;
        _connection = connection;
        Shape = new SourceShape<StreamTcp.IncomingConnection>(new Outlet<StreamTcp.IncomingConnection>("IpcConnectionSource.out"));
    }

    public override SourceShape<StreamTcp.IncomingConnection> Shape { get; }

    protected override Attributes InitialAttributes { get; } = Attributes.CreateName("IpcConnectionSource");

    public override ILogicAndMaterializedValue<Task<StreamTcp.ServerBinding>> CreateLogicAndMaterializedValue(Attributes inheritedAttributes)
    {
        var binding = new TaskCompletionSource<StreamTcp.ServerBinding>(TaskCreationOptions.RunContinuationsAsynchronously);
        return new LogicAndMaterializedValue<Task<StreamTcp.ServerBinding>>(new Logic(this, binding), binding.Task);
    }

    public override string ToString() => $"IPC-bind({_path})";

    private sealed class Logic : OutGraphStageLogic
    {
        private readonly ConnectionSourceStage _stage;
        private readonly TaskCompletionSource<StreamTcp.ServerBinding> _binding;
        private readonly TaskCompletionSource _unbound = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly CancellationTokenSource _stopping = new();
        private readonly IpcListener _listener;
        private Task<IpcSocket>? _accept;
        private TimeSpan? _abandonAfter;

        public Logic(ConnectionSourceStage stage, TaskCompletionSource<StreamTcp.ServerBinding> binding)
            : base(stage.Shape)
        {
            _stage = stage;
            _binding = binding;
            _listener = new IpcListener(stage._path, stage._options);
            SetHandler(stage.Shape.Outlet, this);
        }

        public override void PreStart()
        {
            // An emitted connection whose flow nobody runs is given up like an unused substream (see IncomingConnectionStage).
            if (Materializer is ActorMaterializer { Settings.SubscriptionTimeoutSettings: { Mode: not StreamSubscriptionTimeoutTerminationMode.NoopTermination } unused })
                _abandonAfter = unused.Timeout;
            try
            {
                _listener.Start();
            }
            catch (IpcSocketException e)
            {
                _binding.TrySetException(e);
                FailStage(e);
                return;
            }

            var unbind = GetAsyncCallback(CompleteStage);
            _binding.TrySetResult(new StreamTcp.ServerBinding(new IpcEndPoint(_stage._path), () =>
            {
                // Stop at once (the file goes now, not after a mailbox turn); the stage completes on its own thread.
                _listener.Stop();
                unbind();
                return _unbound.Task;
            }));
        }

        public override void OnPull()
        {
            if (_accept is not null)
            {
                return;
            }

            var onAccepted = GetAsyncCallback<Task<IpcSocket>>(OnAccepted);
            _accept = _listener.AcceptAsync(_stopping.Token).AsTask();
            _ = _accept.ContinueWith(
                static (t, state) => ((Action<Task<IpcSocket>>)state!)(t),
                onAccepted,
                CancellationToken.None,
                TaskContinuationOptions.ExecuteSynchronously,
                TaskScheduler.Default);
        }

        public override void PostStop()
        {
            _listener.Stop();
            _stopping.Cancel();
            _stopping.Dispose();
            _unbound.TrySetResult();
            _binding.TrySetException(new StreamTcpException($"the binding on {_stage._path} ended before it was made"));

            // A peer accepted while the stage stopped would never be emitted (its callback is dropped): close it.
            _accept?.ContinueWith(
                static t =>
                {
                    if (t.IsCompletedSuccessfully)
                    {
                        t.Result.Dispose();
                    }
                },
                CancellationToken.None,
                TaskContinuationOptions.ExecuteSynchronously,
                TaskScheduler.Default);
        }

        private void OnAccepted(Task<IpcSocket> accept)
        {
            _accept = null;
            if (accept.IsCompletedSuccessfully)
            {
                var socket = accept.Result;
                Push(_stage.Shape.Outlet, _stage._connection(socket, new IpcEndPoint(_stage._path, socket.PeerCredentials), _abandonAfter));
            }
            else if (accept.Exception?.InnerException is IpcSocketException { ErrorNumber: IpcErrorCode.InvalidStateError })
            {
                // The listener was stopped by an unbind.
                CompleteStage();
            }
            else
            {
                FailStage(accept.Exception?.InnerException ?? new OperationCanceledException());
            }
        }
    }
}
