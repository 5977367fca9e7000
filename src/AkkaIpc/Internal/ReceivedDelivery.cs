using System.Collections.Immutable;
using System.Runtime.InteropServices;
using Akka.Actor;
using AkkaIpc.Sockets;

namespace AkkaIpc.Internal;

/// <summary>
/// Carries received bytes from a socket straight to the subscribers of its <see cref="SocketActor"/>, on whichever
/// thread has them: the socket's event thread (DataAvailable), or the actor's own when it opens delivery, when the
/// subscribers change, or when they caught up. Sending the actor a message first would cost a mailbox turn, a possible
/// wake-up of another thread, on every arrival.
/// <para>
/// The actor owns what is delivered to whom and changes it only through <see cref="Open"/>, <see cref="Retarget"/>
/// and <see cref="Stop"/>; they take the same lock as a delivery, so once one returns no delivery uses the old
/// targets (no <see cref="Received"/> after <see cref="Unsubscribed"/>, none after the actor went down) and every
/// delivery after it sees the new ones. The lock is held only to read the buffered bytes and enqueue the events
/// (Tell never blocks), and the frame decoder is touched only under it. Until <see cref="Open"/> (and after
/// <see cref="Stop"/>) bytes stay in the socket's buffer.
/// </para>
/// <para>
/// Flow control: at most <c>window</c> bytes (receive-buffer-limit) are out with the subscribers and not yet
/// processed by every one of them. Whether they were processed is learnt without their help: after each quarter
/// window the delivery tells every subscriber an <see cref="Identify"/>, which an actor answers (with
/// <see cref="ActorIdentity"/>, to the socket actor) only once it has processed everything sent to it before. While
/// the window is full, or nobody is subscribed, nothing is read: the bytes wait in the socket's buffer (at most
/// receive-buffer-limit), then in the kernel, and the peer's writes slow down. Memory stays bounded whatever the peer
/// does, and one connection cannot fill its subscribers' mailboxes ahead of the others by more than its window.
/// </para>
/// </summary>
internal sealed class ReceivedDelivery
{
    private readonly Lock _lock = new();
    private readonly IActorRef _actor;
    private readonly IActorRef _sender;
    private readonly FrameDecoder? _decoder;
    private readonly Action<ImmutableArray<byte>> _onFrame;
    private readonly int _window;
    private readonly int _probeEvery;
    private readonly Queue<Probe> _probes = new();
    private ImmutableArray<IActorRef> _targets = [];
    private bool _open;
    private long _delivered;
    private long _processed;
    private long _probed;
    private long _probeSequence;

    /// <param name="actor">The socket actor: it is told <see cref="FrameRejected"/>, and the probes' answers.</param>
    /// <param name="sender">The sender of every <see cref="Received"/>: the ref subscribers know the socket by.</param>
    /// <param name="decoder">The frame decoder in length-prefixed mode, null for raw bytes.</param>
    /// <param name="window">The most bytes out with the subscribers and not yet processed by all of them.</param>
    public ReceivedDelivery(IActorRef actor, IActorRef sender, FrameDecoder? decoder, int window)
    {
        _actor = actor;
        _sender = sender;
        _decoder = decoder;
        _window = window;
        _probeEvery = Math.Max(1, window / 4);
        _onFrame = frame => Publish(new Received(frame));
    }

    /// <summary>Starts delivering to <paramref name="targets"/> (the actor has told them Connected).</summary>
    public void Open(ImmutableArray<IActorRef> targets)
    {
        lock (_lock)
        {
            _open = true;
            SetTargets(targets);
        }
    }

    /// <summary>The subscribers changed: later deliveries go to <paramref name="targets"/>; call <see cref="Deliver"/> next.</summary>
    public void Retarget(ImmutableArray<IActorRef> targets)
    {
        lock (_lock)
            SetTargets(targets);
    }

    /// <summary>Delivers nothing more, ever.</summary>
    public void Stop()
    {
        lock (_lock)
            _open = false;
    }

    /// <summary>
    /// A subscriber answered probe <paramref name="id"/>: it has processed everything delivered before it. Returns true
    /// when that made room in the window (call <see cref="Deliver"/> then).
    /// </summary>
    public bool Processed(DeliveryProbe id, IActorRef? subscriber)
    {
        lock (_lock)
        {
            if (subscriber is null)
                return false;
            foreach (var probe in _probes)
            {
                if (probe.Sequence == id.Sequence)
                {
                    probe.Waiting.Remove(subscriber);
                    break;
                }
            }

            return CompleteProbes();
        }
    }

    /// <summary>Reads the buffered bytes of <paramref name="socket"/> that fit in the window and tells them to the targets, if open.</summary>
    public void Deliver(IpcSocket socket)
    {
        lock (_lock)
        {
            var room = _window - (_delivered - _processed);
            if (!_open || _targets.IsEmpty || room <= 0)
                return;

            // Read hands over a fresh array that nothing else references, so it can become the message's bytes as is.
            var bytes = socket.Read((int)room);
            if (bytes.Length == 0)
                return;
            _delivered += bytes.Length;
            if (_decoder is null)
            {
                Publish(new Received(ImmutableCollectionsMarshal.AsImmutableArray(bytes)));
            }
            else if (_decoder.Decode(bytes, _onFrame) is { } length)
            {
                // The stream can no longer be cut into frames: nothing more is delivered, and the actor goes down.
                _open = false;
                _actor.Tell(new FrameRejected(length), ActorRefs.NoSender);
                return;
            }

            if (_delivered - _probed >= _probeEvery)
                SendProbe();
        }
    }

    private void SetTargets(ImmutableArray<IActorRef> targets)
    {
        _targets = targets;

        // A subscriber that left (or died) answers no more probes; only those still here are waited for.
        foreach (var probe in _probes)
            probe.Waiting.RemoveWhere(waiting => !targets.Contains(waiting));
        CompleteProbes();
    }

    private void SendProbe()
    {
        var id = new DeliveryProbe(++_probeSequence);
        _probes.Enqueue(new Probe(id.Sequence, _delivered, [.. _targets]));
        _probed = _delivered;
        var identify = new Identify(id);
        foreach (var target in _targets)
            target.Tell(identify, _actor);
    }

    private bool CompleteProbes()
    {
        var before = _processed;
        while (_probes.TryPeek(out var oldest) && oldest.Waiting.Count == 0)
        {
            _processed = _probes.Dequeue().Offset;
        }

        if (_probes.Count == 0 && _targets.IsEmpty)
        {
            // Nobody to wait for: what was delivered is as good as processed.
            _processed = _probed = _delivered;
        }

        return _processed != before;
    }

    private void Publish(Received received)
    {
        foreach (var target in _targets)
            target.Tell(received, _sender);
    }

    private sealed record Probe(long Sequence, long Offset, HashSet<IActorRef> Waiting);
}
