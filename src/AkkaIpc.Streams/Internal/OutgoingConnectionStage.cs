using Akka.IO;
using Akka.Streams;
using Akka.Streams.Stage;
using AkkaIpc.Sockets;
using StreamTcp = Akka.Streams.Dsl.Tcp;

namespace AkkaIpc.Streams.Internal;

/// <summary>A client connection to a socket path, made when the flow is materialized (each materialization connects anew).</summary>
internal sealed class OutgoingConnectionStage : GraphStageWithMaterializedValue<FlowShape<ByteString, ByteString>, Task<StreamTcp.OutgoingConnection>>
{
    private readonly string _path;
    private readonly IpcSocketOptions _options;
    private readonly bool _halfClose;
    private readonly TimeSpan? _connectTimeout;

    public OutgoingConnectionStage(string path, IpcSocketOptions options, bool halfClose, TimeSpan? connectTimeout)
    {
        _path = path;
        _options = options;
        _halfClose = halfClose;
        _connectTimeout = connectTimeout;
        Shape = new FlowShape<ByteString, ByteString>(new Inlet<ByteString>("IpcOutgoing.in"), new Outlet<ByteString>("IpcOutgoing.out"));
    }

    public override FlowShape<ByteString, ByteString> Shape { get; }

    protected override Attributes InitialAttributes { get; } = Attributes.CreateName("IpcOutgoingConnection");

    public override ILogicAndMaterializedValue<Task<StreamTcp.OutgoingConnection>> CreateLogicAndMaterializedValue(Attributes inheritedAttributes)
    {
        var promise = new TaskCompletionSource<StreamTcp.OutgoingConnection>(TaskCreationOptions.RunContinuationsAsynchronously);
        var socket = new IpcSocket(_options) { Path = _path };
        var logic = new ConnectionLogic(Shape, socket, _halfClose, new OutgoingPromise(_connectTimeout, promise));
        return new LogicAndMaterializedValue<Task<StreamTcp.OutgoingConnection>>(logic, promise.Task);
    }

    public override string ToString() => $"IPC-to({_path})";
}
