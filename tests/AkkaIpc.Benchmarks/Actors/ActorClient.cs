using System.Collections.Immutable;
using System.Diagnostics;
using Akka.Actor;

namespace AkkaIpc.Benchmarks.Actors;

/// <summary>
/// The subscriber actor of the actor-layer benchmarks: it talks to the socket only through the layer's
/// messages (Write/Flush out, Received in). States: waiting for <see cref="Connected"/> → idle → playing
/// (ping-pong) or streaming (one direction) → idle. Each run is started by an Ask from the benchmark and
/// answered with <see cref="Done"/> (or a <see cref="Status.Failure"/> on any failure the layer reports).
/// </summary>
internal sealed class ActorClient : ReceiveActor
{
    private IActorRef _socket = ActorRefs.Nobody;
    private IActorRef _waiter = ActorRefs.Nobody;

    public ActorClient() => Become(Connecting);

    private void Connecting()
    {
        Receive<Connected>(_ =>
        {
            _socket = Sender;
            _waiter.Tell(Done.Instance);
            Become(Idle);
        });
        Receive<AwaitConnected>(_ => _waiter = Sender);
        CommonFailures();
    }

    private void Idle()
    {
        Receive<AwaitConnected>(_ => Sender.Tell(Done.Instance));
        Receive<PingPong>(p =>
        {
            _waiter = Sender;
            Become(() => Playing(p, new PlayState()));
        });
        Receive<Stream>(s =>
        {
            _waiter = Sender;
            Become(() => Streaming(s, new StreamState()));
        });
        CommonFailures();
    }

    private void Playing(PingPong p, PlayState state)
    {
        Receive<Received>(r =>
        {
            state.Got += r.Data.Length;
            if (state.Got < p.Message.Length)
                return;
            p.Recorder.Record(Stopwatch.GetTimestamp() - state.SentAt);
            state.Got = 0;
            if (++state.Done == p.Count)
            {
                _waiter.Tell(Done.Instance);
                Become(Idle);
                return;
            }

            Send(p, state);
        });
        CommonFailures();
        Send(p, state);
    }

    private void Send(PingPong p, PlayState state)
    {
        state.SentAt = Stopwatch.GetTimestamp();
        _socket.Tell(new Write(p.Message), Self);
    }

    /// <summary>
    /// Header, then <see cref="Stream.Writes"/> writes with an ack on every <see cref="Stream.AckEvery"/>-th,
    /// at most <see cref="Stream.Window"/> ack groups in flight; done when the sink's one-byte answer arrives.
    /// </summary>
    private void Streaming(Stream s, StreamState state)
    {
        // Acks of an earlier run's last groups can still arrive after its end: only this run's token counts.
        Receive<WriteAcked>(a => a == state.Ack, _ => SendGroup(s, state));
        Receive<Received>(r =>
        {
            if (state.Sent < s.Writes || r.Data.Length != 1)
                throw new InvalidOperationException($"unexpected {r.Data.Length} bytes from the sink after {state.Sent} writes");
            _waiter.Tell(Done.Instance);
            Become(Idle);
        });
        CommonFailures();
        _socket.Tell(new Write(ImmutableArray.Create(RawSinkPeer.Header(s.Writes * s.Chunk.Length))), Self);
        for (var g = 0; g < s.Window && state.Sent < s.Writes; g++)
            SendGroup(s, state);
    }

    private void SendGroup(Stream s, StreamState state)
    {
        var end = Math.Min(s.Writes, state.Sent + s.AckEvery);
        for (; state.Sent < end; state.Sent++)
            _socket.Tell(new Write(s.Chunk, state.Sent == end - 1 ? state.Ack : null), Self);
        if (state.Sent == s.Writes)
            _socket.Tell(Flush.Instance, Self);
    }

    private void CommonFailures()
    {
        Receive<CommandFailed>(f => Fail($"command {f.Command} failed: {(int)f.Code} {f.Message}"));
        Receive<IpcError>(e => Fail($"socket error {(int)e.Code}: {e.Message}"));
        Receive<GaveUp>(g => Fail($"gave up: {(int)g.Cause} {g.Message}"));
        Receive<Closed>(c => Fail($"closed: {c.Reason}"));
        ReceiveAny(_ =>
        {
            // Subscribed, Restarting, ...: nothing to do for a benchmark run.
        });
    }

    private void Fail(string reason)
    {
        _waiter.Tell(new Status.Failure(new InvalidOperationException(reason)));
        Become(Idle);
    }

    public sealed record AwaitConnected
    {
        public static AwaitConnected Instance { get; } = new();
    }

    /// <summary>
    /// Play <paramref name="Count"/> round trips, recording each into <paramref name="Recorder"/>. The recorder is
    /// mutable, which messages normally must not be: here the benchmark hands it over and does not touch it until
    /// <see cref="Done"/> comes back, so only one thread uses it at a time. No Flush follows a Write: the socket
    /// hands a write to the kernel at once when nothing is queued.
    /// </summary>
    public sealed record PingPong(ImmutableArray<byte> Message, int Count, LatencyRecorder Recorder);

    public sealed record Stream(ImmutableArray<byte> Chunk, long Writes, int AckEvery, int Window);

    /// <summary>The end of a run.</summary>
    public sealed record Done
    {
        public static Done Instance { get; } = new();
    }

    /// <summary>A run's ack token; a class, so each run's token is a different object.</summary>
    private sealed class WriteAcked;

    private sealed class PlayState
    {
        public int Got { get; set; }

        public long SentAt { get; set; }

        public int Done { get; set; }
    }

    private sealed class StreamState
    {
        public WriteAcked Ack { get; } = new();

        public long Sent { get; set; }
    }
}
