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
    private int _readQueued;
    private int _progressQueued;

    // The number of acks waiting, published for the socket's thread: with none, SendProgress needs no message.
    // It is raised before the bytes of an acked write are queued, so their progress event always sees it.
    private int _acksWaiting;

    private void Attach(IpcSocket socket)
    {
        socket.Connected += OnSocketConnected;
        socket.DataAvailable += OnSocketDataAvailable;
        socket.SendProgress += OnSocketSendProgress;
        socket.Error += OnSocketError;
        socket.PeerRejected += OnSocketPeerRejected;
    }

    /// <summary>Detaches and disposes the socket (closing it; a listener removes its own socket file).</summary>
    private void ReleaseSocket()
    {
        if (_socket is not { } socket)
            return;
        _socket = null;
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

    private void OnSocketDataAvailable(object? sender, EventArgs e)
    {
        // At most one ReadReady waits in the mailbox; the actor clears the flag before reading, so no data is missed.
        if (Interlocked.Exchange(ref _readQueued, 1) == 0)
            _self.Tell(ReadReady.Instance, ActorRefs.NoSender);
    }

    private void OnSocketSendProgress(object? sender, IpcSendProgressEventArgs e)
    {
        if (Volatile.Read(ref _acksWaiting) > 0 && Interlocked.Exchange(ref _progressQueued, 1) == 0)
            _self.Tell(SendProgressed.Instance, ActorRefs.NoSender);
    }

    private void ReadAvailable()
    {
        Volatile.Write(ref _readQueued, 0);
        if (_socket is not { } socket || socket.BytesAvailable == 0)
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

        var oversized = _decoder.Decode(bytes, frame => Publish(new Received(frame)));
        if (oversized is { } length)
        {
            GoDown(IpcErrorCode.OutOfMemoryError,
                $"108: the peer sent a frame of {length} bytes; akka.ipc.socket.max-frame-size is {_settings.MaxFrameSize} ({_path})");
        }
    }

    private void HandleWrite(Write write)
    {
        var socket = _socket!;
        ReadOnlySpan<byte> data = write.Data.IsDefault ? default : write.Data.AsSpan();
        if (write.Ack is not null)
            Volatile.Write(ref _acksWaiting, _acks.Count + 1);
        try
        {
            if (_decoder is null)
            {
                socket.Write(data);
            }
            else if (data.Length > _settings.MaxFrameSize)
            {
                Sender.Tell(new CommandFailed(write, IpcErrorCode.OutOfMemoryError,
                    $"108: a frame of {data.Length} bytes exceeds akka.ipc.socket.max-frame-size {_settings.MaxFrameSize} ({_path})"), _owner);
                Volatile.Write(ref _acksWaiting, _acks.Count);
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
            Volatile.Write(ref _acksWaiting, _acks.Count);
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

        Volatile.Write(ref _acksWaiting, _acks.Count);
    }

    private void FailAcks(IpcErrorCode code, string reason)
    {
        while (_acks.TryDequeue(out var pending))
        {
            pending.Writer.Tell(new CommandFailed(pending.Write, code, $"{(int)code}: {reason} ({_path})"), _owner);
        }

        Volatile.Write(ref _acksWaiting, 0);
    }

    private readonly record struct PendingAck(long Offset, Write Write, IActorRef Writer);
}
