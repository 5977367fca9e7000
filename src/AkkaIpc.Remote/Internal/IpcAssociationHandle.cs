using System.Buffers;
using System.Buffers.Binary;
using System.Runtime.InteropServices;
using Akka.Actor;
using Akka.Event;
using Akka.Remote.Transport;
using AkkaIpc.Internal;
using AkkaIpc.Sockets;
using Google.Protobuf;

namespace AkkaIpc.Remote.Internal;

/// <summary>
/// One association over one connected <see cref="IpcSocket"/>: each payload is a frame (4-byte big-endian length,
/// then the bytes). Nothing is read before Akka.Remote registers its listener through <see cref="AssociationHandle.ReadHandlerSource"/>
/// (an accepted socket is silent until then; a connected one buffers). Events of one socket never run concurrently,
/// so the decoder needs no lock of its own beyond the drain lock that covers a loss seen at registration.
/// </summary>
internal sealed class IpcAssociationHandle : AssociationHandle
{
    private const int HeaderBytes = 4;
    private const int StackFrameBytes = 512;
    private const int CopiedFrameBytes = 64 * 1024;

    private readonly IpcSocket _socket;
    private readonly int _maximumFrameSize;
    private readonly ILoggingAdapter _log;
    private readonly Action<IpcAssociationHandle> _onEnded;
    private readonly FrameDecoder _decoder;
    private readonly Lock _writeGate = new();
    private readonly Lock _drainGate = new();
    private readonly byte[] _readBuffer = new byte[64 * 1024];
    private IHandleEventListener? _listener;
    private int _ended;

    public IpcAssociationHandle(Address localAddress, Address remoteAddress, IpcSocket socket, int maximumFrameSize,
        ILoggingAdapter log, Action<IpcAssociationHandle> onEnded)
        : base(localAddress, remoteAddress)
    {
        _socket = socket;
        _maximumFrameSize = maximumFrameSize;
        _log = log;
        _onEnded = onEnded;
        _decoder = new FrameDecoder(maximumFrameSize);
        ReadHandlerSource.Task.ContinueWith(
            static (task, state) => ((IpcAssociationHandle)state!).Start(task.Result), this,
            CancellationToken.None, TaskContinuationOptions.OnlyOnRanToCompletion | TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);
    }

    /// <summary>The socket file this association runs over.</summary>
    public string Path => _socket.Path;

    /// <summary>Sends one payload as one frame; false (Akka.Remote backs off and retries) when the send queue is full or
    /// the connection is gone (its Disassociated follows).</summary>
    /// <exception cref="IpcSocketException">108 when the payload is larger than <c>maximum-frame-size</c> (Akka.Remote's
    /// writer checks the size first and drops such a message with an error log).</exception>
    public override bool Write(ByteString payload)
    {
        var length = payload.Length;
        if (length > _maximumFrameSize)
        {
            throw new IpcSocketException(IpcErrorCode.OutOfMemoryError,
                $"a payload of {length} bytes to {RemoteAddress} exceeds akka.remote.ipc.maximum-frame-size ({_maximumFrameSize} bytes)", Path);
        }

        try
        {
            lock (_writeGate)
            {
                if (length <= StackFrameBytes)
                {
                    Span<byte> frame = stackalloc byte[HeaderBytes + StackFrameBytes];
                    WriteFrame(frame[..(HeaderBytes + length)], payload);
                }
                else if (length <= CopiedFrameBytes)
                {
                    var rented = ArrayPool<byte>.Shared.Rent(HeaderBytes + length);
                    WriteFrame(rented.AsSpan(0, HeaderBytes + length), payload);
                    ArrayPool<byte>.Shared.Return(rented);
                }
                else
                {
                    // A ByteString never changes, so the socket may send from its memory without a copy.
                    Span<byte> header = stackalloc byte[HeaderBytes];
                    BinaryPrimitives.WriteInt32BigEndian(header, length);
                    _socket.Write(header);
                    _ = ObserveAsync(_socket.WriteAsync(payload.Memory));
                }
            }

            return true;
        }
        catch (IpcSocketException)
        {
            // 108: the send queue is full (nothing was queued); 106/102: the connection is gone and its loss is reported.
            return false;
        }
    }

#pragma warning disable CS0672 // Akka marks the parameterless form obsolete for callers; transports still implement it.
    /// <summary>Lets queued frames reach the kernel (briefly), then closes the connection.</summary>
    public override void Disassociate() => _ = CloseAsync();
#pragma warning restore CS0672

    /// <summary>Closes the connection at once, telling Akka.Remote nothing more (the transport is shutting down).</summary>
    public void Abort()
    {
        Interlocked.Exchange(ref _ended, 1);
        _socket.Dispose();
    }

    private void WriteFrame(Span<byte> frame, ByteString payload)
    {
        BinaryPrimitives.WriteInt32BigEndian(frame, payload.Length);
        payload.Span.CopyTo(frame[HeaderBytes..]);
        _socket.Write(frame);
    }

    private async Task CloseAsync()
    {
        try
        {
            await _socket.FlushAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(2)).ConfigureAwait(false);
        }
        catch (Exception e) when (e is IpcSocketException or TimeoutException)
        {
            // Already gone or stuck: closing now is all that is left to do.
        }

        End(DisassociateInfo.Shutdown, notify: true);
    }

    private static async Task ObserveAsync(ValueTask write)
    {
        try
        {
            await write.ConfigureAwait(false);
        }
        catch (IpcSocketException)
        {
            // The connection ended before these bytes reached the kernel; its loss is reported by the Error event.
        }
    }

    private void Start(IHandleEventListener listener)
    {
        _listener = listener;
        _socket.DataAvailable += (_, _) => Drain();
        _socket.Error += (_, e) => OnError(e.Exception);
        _socket.StartEvents();
        if (!_socket.IsConnected)
        {
            // Lost before the handlers were attached: its Error event may have had no handler.
            OnError(null);
        }
    }

    private void Drain()
    {
        lock (_drainGate)
        {
            int n;
            while (Volatile.Read(ref _ended) == 0 && (n = _socket.Read(_readBuffer)) > 0)
            {
                if (_decoder.Decode(_readBuffer.AsSpan(0, n), Deliver) is { } announced)
                {
                    _log.Error("108: a frame of {0} bytes from {1} exceeds akka.remote.ipc.maximum-frame-size ({2} bytes); the association ends ({3})",
                        announced, RemoteAddress, _maximumFrameSize, Path);
                    End(DisassociateInfo.Unknown, notify: true);
                    return;
                }
            }
        }
    }

    private void Deliver(System.Collections.Immutable.ImmutableArray<byte> frame) =>
        _listener!.Notify(new InboundPayload(UnsafeByteOperations.UnsafeWrap(ImmutableCollectionsMarshal.AsArray(frame))));

    private void OnError(IpcSocketException? error)
    {
        // Bytes that arrived before the loss are still delivered, then the association ends.
        Drain();
        if (error is not null && error.ErrorNumber != IpcErrorCode.LostConnection)
            _log.Warning("{0}: association with {1} ends: {2}", (int)error.ErrorNumber, RemoteAddress, error.Message);
        End(DisassociateInfo.Unknown, notify: true);
    }

    private void End(DisassociateInfo info, bool notify)
    {
        if (Interlocked.Exchange(ref _ended, 1) != 0)
            return;
        _socket.Dispose();
        _onEnded(this);
        if (notify)
            _listener?.Notify(new Disassociated(info));
    }
}
