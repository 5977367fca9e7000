using Akka.IO;
using Akka.Streams;
using Akka.Streams.Stage;
using AkkaIpc.Sockets;

namespace AkkaIpc.Streams.Internal;

/// <summary>
/// The flow of one accepted peer; it owns the accepted socket, so it can be materialized once only. A flow nobody
/// materializes within the materializer's subscription timeout (<c>akka.stream.materializer.subscription-timeout</c>,
/// unless its mode is <c>noop</c>) is given up like an unused substream: its socket is closed, so the peer sees the
/// end of the stream instead of waiting forever, and the descriptor is not held until finalization.
/// </summary>
internal sealed class IncomingConnectionStage : GraphStage<FlowShape<ByteString, ByteString>>
{
    private const int Fresh = 0;
    private const int Materialized = 1;
    private const int Abandoned = 2;

    private readonly IpcSocket _socket;
    private readonly bool _halfClose;
    private readonly TimeSpan? _abandonAfter;
    private readonly Timer? _abandon;
    private int _state;

    /// <param name="socket">The accepted socket; the stage owns it.</param>
    /// <param name="halfClose">As for <c>Bind</c>.</param>
    /// <param name="abandonAfter">Closes the socket if the flow is not materialized by then; null never does.</param>
    public IncomingConnectionStage(IpcSocket socket, bool halfClose, TimeSpan? abandonAfter)
    {
        _socket = socket;
        _halfClose = halfClose;
        _abandonAfter = abandonAfter;
        Shape = new FlowShape<ByteString, ByteString>(new Inlet<ByteString>("IpcIncoming.in"), new Outlet<ByteString>("IpcIncoming.out"));
        if (abandonAfter is { } after)
            _abandon = new Timer(static state => ((IncomingConnectionStage)state!).Abandon(), this, after, Timeout.InfiniteTimeSpan);
    }

    public override FlowShape<ByteString, ByteString> Shape { get; }

    protected override Attributes InitialAttributes { get; } = Attributes.CreateName("IpcIncomingConnection");

    /// <exception cref="InvalidOperationException">The flow was materialized before, or given up unused.</exception>
    protected override GraphStageLogic CreateLogic(Attributes inheritedAttributes)
    {
        switch (Interlocked.CompareExchange(ref _state, Materialized, Fresh))
        {
            case Fresh:
                _abandon?.Dispose();
                return new ConnectionLogic(Shape, _socket, _halfClose, outgoing: null);
            case Abandoned:
                throw new InvalidOperationException(
                    $"the flow of a connection accepted on {_socket.Path} was not materialized within {_abandonAfter} (akka.stream.materializer.subscription-timeout); its socket was closed");
            default:
                throw new InvalidOperationException($"the flow of a connection accepted on {_socket.Path} can be materialized once only");
        }
    }

    public override string ToString() => $"IPC-from({_socket.Path})";

    private void Abandon()
    {
        _abandon?.Dispose();
        if (Interlocked.CompareExchange(ref _state, Abandoned, Fresh) == Fresh)
            _socket.Dispose();
    }
}
