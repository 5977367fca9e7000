using Akka.IO;
using Akka.Streams;
using Akka.Streams.Stage;
using AkkaIpc.Sockets;

namespace AkkaIpc.Streams.Internal;

/// <summary>The flow of one accepted peer; it owns the accepted socket, so it can be materialized once only.</summary>
internal sealed class IncomingConnectionStage : GraphStage<FlowShape<ByteString, ByteString>>
{
    private readonly IpcSocket _socket;
    private readonly bool _halfClose;
    private int _materialized;

    public IncomingConnectionStage(IpcSocket socket, bool halfClose)
    {
        _socket = socket;
        _halfClose = halfClose;
        Shape = new FlowShape<ByteString, ByteString>(new Inlet<ByteString>("IpcIncoming.in"), new Outlet<ByteString>("IpcIncoming.out"));
    }

    public override FlowShape<ByteString, ByteString> Shape { get; }

    protected override Attributes InitialAttributes { get; } = Attributes.CreateName("IpcIncomingConnection");

    /// <exception cref="InvalidOperationException">The flow was materialized before.</exception>
    protected override GraphStageLogic CreateLogic(Attributes inheritedAttributes) =>
        Interlocked.Exchange(ref _materialized, 1) == 0
            ? new ConnectionLogic(Shape, _socket, _halfClose, outgoing: null)
            : throw new InvalidOperationException($"the flow of a connection accepted on {_socket.Path} can be materialized once only");

    public override string ToString() => $"IPC-from({_socket.Path})";
}
