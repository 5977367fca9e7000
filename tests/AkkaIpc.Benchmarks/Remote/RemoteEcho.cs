using Akka.Actor;

namespace AkkaIpc.Benchmarks.Remote;

/// <summary>Returns every byte[] to its sender (the far end of the remote round trip).</summary>
internal sealed class RemoteEcho : ReceiveActor
{
    public RemoteEcho() => Receive<byte[]>(m => Sender.Tell(m, Self));
}
