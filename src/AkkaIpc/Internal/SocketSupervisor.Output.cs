using Akka.Actor;
using AkkaIpc.Sockets;

namespace AkkaIpc.Internal;

/// <summary>The states of <see cref="SocketSupervisor"/> that hold the child's socket output.</summary>
internal sealed partial class SocketSupervisor
{
    /// <summary>The child's socket is connected and this actor holds its output.</summary>
    private void Connected(SocketOutput output)
    {
        Receive<Write>(m => output.Write(m, Sender));
        Receive<Flush>(_ => output.Flush(Sender));
        Receive<SendProgressed>(_ => output.Progressed());
        Receive<Close>(_ =>
        {
            _child!.Forward(Close.Instance);
            if (!output.HasQueuedBytes)
            {
                EndOutput(output);
                return;
            }

            output.DrainAsync(Context.System.Scheduler).PipeTo(Self, ActorRefs.NoSender, () => DrainCompleted.Instance);
            Become(() => Draining(output));
        });
        WithChild();
    }

    /// <summary>Close came with bytes still queued: they get up to close-timeout, then the child closes the socket.</summary>
    private void Draining(SocketOutput output)
    {
        Receive<SendProgressed>(_ => output.Progressed());
        Receive<DrainCompleted>(_ => EndOutput(output));
        Closing();
    }

    /// <summary>Every byte the output could send is in the kernel or given up: answer the acks, let the child close.</summary>
    private void EndOutput(SocketOutput output)
    {
        output.CompleteAcks();
        FailAcks(SocketOutput.ClosedBeforeSent);
        _child?.Tell(DrainCompleted.Instance, Self);
        Become(Closing);
    }

    private void FailAcks(string reason)
    {
        _output?.FailAcks(IpcErrorCode.InvalidStateError, reason);
        _output = null;
    }
}
