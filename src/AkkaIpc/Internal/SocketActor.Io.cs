using System.Buffers;
using System.Buffers.Binary;
using System.Collections.Immutable;
using System.Runtime.InteropServices;
using Akka.Actor;
using Akka.Event;
using AkkaIpc.Protocol;
using AkkaIpc.Sockets;

namespace AkkaIpc.Internal;

/// <summary>The socket side of <see cref="SocketActor"/>: event plumbing, reading, writing and acks.</summary>
internal sealed partial class SocketActor
{
    private const int HeaderBytes = 4;
    private readonly Queue<PendingAck> _acks = new();
    private int _progressQueued;

    // SendProgress is handled only while a write waits for its ack: a socket without a handler raises no event at
    // all, which saves a thread-pool work item on every send that reaches the kernel.
    private bool _watchingProgress;
    private EventHandler<IpcSendProgressEventArgs>? _onSendProgress;

    private void Attach(IpcSocket socket)
    {
        socket.Connected += OnSocketConnected;
        socket.DataAvailable += OnSocketDataAvailable;
        socket.Error += OnSocketError;
        socket.PeerRejected += OnSocketPeerRejected;
    }

    /// <summary>Detaches and disposes the socket (closing it; a listener removes its own socket file).</summary>
    private void ReleaseSocket()
    {
        // First, so no byte is delivered from a socket being disposed (or after the subscribers were told it is down).
        _delivery.Stop();
        if (_socket is not { } socket)
            return;
        _socket = null;
        _watchingProgress = false;
        socket.Connected -= OnSocketConnected;
        socket.DataAvailable -= OnSocketDataAvailable;
        socket.SendProgress -= OnSocketSendProgress;
        socket.Error -= OnSocketError;
        socket.PeerRejected -= OnSocketPeerRejected;
        try
        {
            socket.Dispose();
        }
        catch (Exception ex)
        {
            // PostStop must not throw; a failing close only leaves something to log.
            _log.Warning("Closing the IPC socket {0} failed: {1}", _path, ex.Message);
        }
    }

    // The handlers below run on the socket's thread: they only tell Self (captured in _self), never touch state.
    private void OnSocketConnected(object? sender, EventArgs e) => _self.Tell(ConnectCompleted.Instance, ActorRefs.NoSender);

    private void OnSocketError(object? sender, IpcErrorEventArgs e) => _self.Tell(new SocketFaulted(e.Exception), ActorRefs.NoSender);

    private void OnSocketPeerRejected(object? sender, IpcPeerRejectedEventArgs e) =>
        _self.Tell(new PeerRejected(e.Credentials), ActorRefs.NoSender);

    // Delivery reads the bytes here, on the socket's thread, under its own lock; see ReceivedDelivery.
    private void OnSocketDataAvailable(object? sender, EventArgs e)
    {
        if (sender is IpcSocket socket)
            _delivery.Deliver(socket);
    }

    private void OnSocketSendProgress(object? sender, IpcSendProgressEventArgs e)
    {
        // At most one SendProgressed waits in the mailbox; the actor clears the flag before completing acks.
        if (Interlocked.Exchange(ref _progressQueued, 1) == 0)
            _self.Tell(SendProgressed.Instance, ActorRefs.NoSender);
    }

    /// <summary>Connected: subscribers (told Connected already) get bytes from now on, first any already buffered.</summary>
    private void OpenDelivery()
    {
        _delivery.Open([.. _subscribers.Members]);
        if (_socket is { } socket)
            _delivery.Deliver(socket);
    }

    /// <summary>
    /// Handles SendProgress from before the bytes of an acked write are queued, so the event that reports them always
    /// finds the handler (the socket reads its handlers after each send, under the lock a Write takes first).
    /// </summary>
    private void WatchProgress(IpcSocket socket)
    {
        if (_watchingProgress)
            return;
        _watchingProgress = true;
        socket.SendProgress += _onSendProgress ??= OnSocketSendProgress;
    }

    private void UnwatchProgressWhenIdle()
    {
        if (!_watchingProgress || _acks.Count > 0)
            return;
        _watchingProgress = false;
        if (_socket is { } socket)
            socket.SendProgress -= _onSendProgress;
    }

    private void HandleWrite(Write write)
    {
        var socket = _socket!;
        ReadOnlySpan<byte> data = write.Data.IsDefault ? default : write.Data.AsSpan();
        if (write.Ack is not null)
            WatchProgress(socket);
        try
        {
            if (!_framed)
            {
                socket.Write(data);
            }
            else if (data.Length > _settings.MaxFrameSize)
            {
                Sender.Tell(new CommandFailed(write, IpcErrorCode.OutOfMemoryError,
                    $"108: a frame of {data.Length} bytes exceeds akka.ipc.socket.max-frame-size {_settings.MaxFrameSize} ({_path})"), _owner);
                UnwatchProgressWhenIdle();
                return;
            }
            else
            {
                WriteFrame(socket, data);
            }
        }
        catch (IpcSocketException ex)
        {
            Sender.Tell(new CommandFailed(write, ex.ErrorNumber, ex.Message), _owner);
            UnwatchProgressWhenIdle();
            return;
        }

        if (write.Ack is null)
            return;
        // Everything up to this offset of the queued stream must reach the kernel before this write is acked.
        _acks.Enqueue(new PendingAck(socket.TotalBytesQueued, write, Sender));
        CompleteAcks();
    }

    /// <summary>Header and payload go in one socket write, so a 108 (queue full) never leaves half a frame queued.</summary>
    private static void WriteFrame(IpcSocket socket, ReadOnlySpan<byte> payload)
    {
        var total = HeaderBytes + payload.Length;
        var buffer = ArrayPool<byte>.Shared.Rent(total);
        try
        {
            BinaryPrimitives.WriteUInt32BigEndian(buffer, (uint)payload.Length);
            payload.CopyTo(buffer.AsSpan(HeaderBytes));
            socket.Write(buffer.AsSpan(0, total));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private void FlushSocket()
    {
        try
        {
            _socket!.Flush();
        }
        catch (IpcSocketException ex)
        {
            Sender.Tell(new CommandFailed(Flush.Instance, ex.ErrorNumber, ex.Message), _owner);
            return;
        }

        CompleteAcks();
    }

    /// <summary>Acks every pending write whose last byte the kernel now holds, in order.</summary>
    private void CompleteAcks()
    {
        if (_acks.Count == 0 || _socket is not { } socket)
            return;
        var sent = socket.TotalBytesSent;
        while (_acks.TryPeek(out var pending) && pending.Offset <= sent)
        {
            _acks.Dequeue();
            pending.Writer.Tell(pending.Write.Ack!, _owner);
        }

        UnwatchProgressWhenIdle();
    }

    private void FailAcks(IpcErrorCode code, string reason)
    {
        while (_acks.TryDequeue(out var pending))
        {
            pending.Writer.Tell(new CommandFailed(pending.Write, code, $"{(int)code}: {reason} ({_path})"), _owner);
        }

        UnwatchProgressWhenIdle();
    }

    private readonly record struct PendingAck(long Offset, Write Write, IActorRef Writer);
}
