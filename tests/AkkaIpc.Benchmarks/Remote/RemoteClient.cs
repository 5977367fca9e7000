using System.Diagnostics;
using Akka.Actor;

namespace AkkaIpc.Benchmarks.Remote;

/// <summary>
/// The local end of both remote measurements. <see cref="PingPong"/>: one 32-byte message at a time to the remote
/// echo, each round trip timed here. <see cref="Stream"/>: 32-byte messages to the remote sink with at most
/// <see cref="Window"/> unacknowledged. Each answers its asker with <see cref="Done"/>.
/// </summary>
internal sealed class RemoteClient : ReceiveActor
{
    /// <summary>Messages in flight at most while streaming (the sink acks every <see cref="RemoteSink.AckEvery"/>).</summary>
    public const int Window = 10 * RemoteSink.AckEvery;

    private readonly IActorRef _echo;
    private readonly IActorRef _sink;
    private readonly byte[] _message;
    private IActorRef _waiter = ActorRefs.Nobody;
    private LatencyRecorder? _recorder;
    private int _remaining;
    private long _sentAt;
    private long _sent;
    private long _target;

    public RemoteClient(IActorRef echo, IActorRef sink, int size)
    {
        _echo = echo;
        _sink = sink;
        _message = new byte[size];
        Random.Shared.NextBytes(_message);
        Receive<PingPong>(p =>
        {
            _waiter = Sender;
            _recorder = p.Recorder;
            _remaining = p.Count;
            _sentAt = Stopwatch.GetTimestamp();
            _echo.Tell(_message, Self);
        });
        Receive<byte[]>(_ =>
        {
            _recorder!.Record(Stopwatch.GetTimestamp() - _sentAt);
            if (--_remaining == 0)
            {
                _waiter.Tell(Done.Instance);
                return;
            }

            _sentAt = Stopwatch.GetTimestamp();
            _echo.Tell(_message, Self);
        });
        Receive<Stream>(s =>
        {
            if (s.Count % RemoteSink.AckEvery != 0)
                throw new ArgumentException($"a stream phase must be a multiple of {RemoteSink.AckEvery} messages, was {s.Count}");
            _waiter = Sender;
            _target = _sent + s.Count;
            SendUpTo(_sent + Window);
        });
        Receive<long>(acked =>
        {
            if (acked >= _target)
                _waiter.Tell(Done.Instance);
            else
                SendUpTo(acked + Window);
        });
    }

    private void SendUpTo(long limit)
    {
        for (var end = Math.Min(limit, _target); _sent < end; _sent++)
            _sink.Tell(_message, Self);
    }

    /// <summary>Play <paramref name="Count"/> round trips into <paramref name="Recorder"/> (not touched until <see cref="Done"/>).</summary>
    public sealed record PingPong(int Count, LatencyRecorder Recorder);

    /// <summary>Send <paramref name="Count"/> messages (a multiple of <see cref="RemoteSink.AckEvery"/>) and wait until all are acknowledged.</summary>
    public sealed record Stream(long Count);

    public sealed record Done
    {
        public static Done Instance { get; } = new();
    }
}
