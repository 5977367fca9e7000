using Akka.Actor;
using AkkaIpc.Sockets;

namespace AkkaIpc.Internal;

/// <summary>
/// Writes a supervised link holds while its socket is down (<c>akka.ipc.backoff.held-writes-limit</c>), in arrival
/// order, each with its sender: sent in that order once the socket connects, or each failed with one
/// <see cref="CommandFailed"/> if it never does. With a limit of 0 nothing is held.
/// </summary>
internal sealed class HeldWrites(int limit, string path)
{
    private readonly Queue<(Write Write, IActorRef Sender)> _writes = new();
    private long _bytes;

    public bool Enabled => limit > 0;

    /// <summary>Holds <paramref name="write"/>, or answers 108 when it does not fit under the limit.</summary>
    public void Hold(Write write, IActorRef sender, IActorRef self)
    {
        var length = write.Data.IsDefault ? 0 : write.Data.Length;
        if (_bytes + length > limit)
        {
            sender.Tell(new CommandFailed(write, IpcErrorCode.OutOfMemoryError,
                $"108: the socket is down and holds {_bytes} bytes of writes; {length} more would exceed " +
                $"akka.ipc.backoff.held-writes-limit ({limit}) ({path})"), self);
            return;
        }

        _bytes += length;
        _writes.Enqueue((write, sender));
    }

    /// <summary>The socket connected: hands every held write, in order, to <paramref name="send"/>.</summary>
    public void Release(Action<Write, IActorRef> send)
    {
        while (_writes.TryDequeue(out var held))
            send(held.Write, held.Sender);
        _bytes = 0;
    }

    /// <summary>The link ends: every held write gets one <see cref="CommandFailed"/>.</summary>
    public void FailAll(IpcErrorCode code, string message, IActorRef self)
    {
        while (_writes.TryDequeue(out var held))
            held.Sender.Tell(new CommandFailed(held.Write, code, message), self);
        _bytes = 0;
    }
}
