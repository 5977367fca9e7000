using Akka.IO;
using AkkaIpc.Sockets;

namespace AkkaIpc.Streams.Internal;

// Reading on demand and writing one element at a time.
internal sealed partial class ConnectionLogic
{
    /// <summary>The most bytes one pushed element carries.</summary>
    private const int ReadChunk = 64 * 1024;

    private readonly byte[] _scratch;
    private Task<int>? _pendingRead;
    private bool _writing;
    private bool _outputShut;
    private readonly ByteStringSegments _element = new();
    private int _segment;
    private int _offset;

    private void OnPull()
    {
        if (_connected && _pendingRead is null)
        {
            Read();
        }
    }

    private void Read()
    {
        var available = _socket.BytesAvailable;
        if (available > 0)
        {
            // Already buffered: one copy into an array the element then owns, no waiting.
            var bytes = GC.AllocateUninitializedArray<byte>(Math.Min(available, ReadChunk));
            var n = _socket.Read(bytes);
            Push(_out, ByteString.FromBytes(bytes, 0, n));
            return;
        }

        var read = _socket.ReadAsync(_scratch);
        if (read.IsCompleted)
        {
            OnReadCompleted(read);
            return;
        }

        _pendingRead = read.AsTask();
        _ = _pendingRead.ContinueWith(
            static (t, state) => ((Action<ValueTask<int>>)state!)(new ValueTask<int>(t)),
            _onReadCompleted,
            CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);
    }

    private void OnReadCompleted(ValueTask<int> read)
    {
        _pendingRead = null;
        int n;
        try
        {
            n = read.Result;
        }
        catch (Exception e) when (e is IpcSocketException or ObjectDisposedException)
        {
            Fail(e);
            return;
        }

        if (n == 0)
        {
            OnEndOfStream();
        }
        else if (!IsClosed(_out))
        {
            Push(_out, ByteString.CopyFrom(_scratch, 0, n));
        }
    }

    private void OnPush()
    {
        _element.Load(Grab(_in));
        _segment = 0;
        _offset = 0;
        WriteNext();
    }

    /// <summary>
    /// Writes the rest of the element, slice by slice (no slice above the send queue limit, so none is refused with
    /// 108), then pulls the next one. WriteAsync sends large slices from the element's own memory: a ByteString never
    /// changes. The segments stay referenced until the next element replaces them.
    /// </summary>
    private void WriteNext()
    {
        var buffers = _element.Segments;
        while (_segment < buffers.Count)
        {
            var segment = buffers[_segment];
            var length = Math.Min(segment.Count - _offset, _socket.Options.SendQueueLimit);
            var slice = segment.AsMemory(_offset, length);
            _offset += length;
            if (_offset == segment.Count)
            {
                _segment++;
                _offset = 0;
            }

            ValueTask write;
            try
            {
                write = _socket.WriteAsync(slice);
            }
            catch (IpcSocketException e)
            {
                Fail(e.ErrorNumber == IpcErrorCode.InvalidStateError ? LossBehind(e) : e);
                return;
            }

            if (write.IsCompletedSuccessfully)
            {
                continue;
            }

            _writing = true;
            if (write.IsCompleted)
            {
                OnWriteCompleted(write);
                return;
            }

            _ = write.AsTask().ContinueWith(
                static (t, state) => ((Action<ValueTask>)state!)(new ValueTask(t)),
                _onWriteCompleted,
                CancellationToken.None,
                TaskContinuationOptions.ExecuteSynchronously,
                TaskScheduler.Default);
            return;
        }

        if (IsClosed(_in))
        {
            FinishWriting();
        }
        else
        {
            Pull(_in);
        }
    }

    /// <summary>
    /// A write was refused with 106 (not connected) although this stage never closed the socket: the receiving side
    /// found the connection lost first (say, a reset by a peer that died with unread bytes), and only a read reports
    /// that loss. Returns it (102), or <paramref name="refused"/> when no loss is recorded.
    /// </summary>
    private Exception LossBehind(IpcSocketException refused)
    {
        if (_pendingRead is { } pending)
        {
            // The loss failed the pending read already (before the socket counted as closed).
            return pending.Exception?.InnerException ?? refused;
        }

        // Unread bytes come first; the stage fails anyway, so they are dropped.
        while (_socket.Read(_scratch) > 0)
        {
        }

        var probe = _socket.ReadAsync(_scratch);
        return probe.IsFaulted ? probe.AsTask().Exception?.InnerException ?? refused : refused;
    }

    /// <summary>A write (or the shutdown of the sending side) that had to wait is done.</summary>
    private void OnWriteCompleted(ValueTask write)
    {
        _writing = false;
        try
        {
            write.GetAwaiter().GetResult();
        }
        catch (Exception e) when (e is IpcSocketException or ObjectDisposedException)
        {
            Fail(e);
            return;
        }

        if (!_outputShut)
        {
            WriteNext();
        }
        else if (IsClosed(_out))
        {
            CloseAndComplete();
        }
    }
}
