using Akka.Actor;

namespace AkkaIpc.Benchmarks.Remote;

/// <summary>
/// Counts the byte[] messages it receives and tells the sender the running total (a long) after every
/// <see cref="AckEvery"/>-th, which is what bounds the streamer's window.
/// </summary>
internal sealed class RemoteSink : ReceiveActor
{
    public const int AckEvery = 100;
    private long _received;

    public RemoteSink() => Receive<byte[]>(_ =>
    {
        if (++_received % AckEvery == 0)
            Sender.Tell(_received, Self);
    });
}
