using System.Collections.Immutable;
using System.Runtime.InteropServices;
using Akka.Actor;
using AkkaIpc.Sockets;

namespace AkkaIpc.Internal;

/// <summary>
/// Carries received bytes from a socket straight to the subscribers of its <see cref="SocketActor"/>, on whichever
/// thread has them: the socket's event thread (DataAvailable), or the actor's own when it opens delivery and bytes
/// were already buffered. Sending the actor a message first would cost a mailbox turn, a possible wake-up of another
/// thread, on every arrival.
/// <para>
/// The actor owns what is delivered to whom and changes it only through <see cref="Open"/>, <see cref="Retarget"/>
/// and <see cref="Stop"/>; they take the same lock as a delivery, so once one returns no delivery uses the old
/// targets (no <see cref="Received"/> after <see cref="Unsubscribed"/>, none after the actor went down) and every
/// delivery after it sees the new ones. The lock is held only to read the buffered bytes and enqueue the events
/// (Tell never blocks), and the frame decoder is touched only under it. Until <see cref="Open"/> (and after
/// <see cref="Stop"/>) bytes stay in the socket's buffer.
/// </para>
/// </summary>
internal sealed class ReceivedDelivery
{
    private readonly Lock _lock = new();
    private readonly IActorRef _actor;
    private readonly IActorRef _sender;
    private readonly FrameDecoder? _decoder;
    private readonly Action<ImmutableArray<byte>> _onFrame;
    private ImmutableArray<IActorRef> _targets;
    private bool _open;

    /// <param name="actor">The socket actor: it is told <see cref="FrameRejected"/>.</param>
    /// <param name="sender">The sender of every <see cref="Received"/>: the ref subscribers know the socket by.</param>
    /// <param name="decoder">The frame decoder in length-prefixed mode, null for raw bytes.</param>
    public ReceivedDelivery(IActorRef actor, IActorRef sender, FrameDecoder? decoder)
    {
        _actor = actor;
        _sender = sender;
        _decoder = decoder;
        _onFrame = frame => Publish(new Received(frame));
    }

    /// <summary>Starts delivering to <paramref name="targets"/> (the actor has told them Connected).</summary>
    public void Open(ImmutableArray<IActorRef> targets)
    {
        lock (_lock)
        {
            _targets = targets;
            _open = true;
        }
    }

    /// <summary>The subscribers changed: later deliveries go to <paramref name="targets"/>.</summary>
    public void Retarget(ImmutableArray<IActorRef> targets)
    {
        lock (_lock)
        {
            _targets = targets;
        }
    }

    /// <summary>Delivers nothing more, ever.</summary>
    public void Stop()
    {
        lock (_lock)
        {
            _open = false;
        }
    }

    /// <summary>Reads every buffered byte of <paramref name="socket"/> and tells it to the targets, if open.</summary>
    public void Deliver(IpcSocket socket)
    {
        lock (_lock)
        {
            if (!_open)
                return;

            // ReadAll hands over a fresh array that nothing else references, so it can become the message's bytes as is.
            var bytes = socket.ReadAll();
            if (bytes.Length == 0)
                return;
            if (_decoder is null)
            {
                Publish(new Received(ImmutableCollectionsMarshal.AsImmutableArray(bytes)));
                return;
            }

            var oversized = _decoder.Decode(bytes, _onFrame);
            if (oversized is { } length)
            {
                // The stream can no longer be cut into frames: nothing more is delivered, and the actor goes down.
                _open = false;
                _actor.Tell(new FrameRejected(length), ActorRefs.NoSender);
            }
        }
    }

    private void Publish(Received received)
    {
        foreach (var target in _targets)
            target.Tell(received, _sender);
    }
}
