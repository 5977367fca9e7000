using System.Buffers;

namespace AkkaIpc.Sockets.Internal;

/// <summary>
/// The bytes accepted by Write but not yet in the kernel, for one connection. Two pooled arrays: the one a send is
/// reading from (<c>in flight</c>) and the one new writes go into (<c>pending</c>); when a send completes they swap,
/// so everything written while a send was in flight goes out together in the next send. Not thread-safe: the owner locks.
/// </summary>
internal sealed class SendQueue
{
    private const int InitialSize = 16 * 1024;

    private byte[] _pending = [];
    private int _pendingCount;
    private byte[] _inFlight = [];
    private int _inFlightOffset;
    private int _inFlightCount;

    /// <summary>Whether a send loop is running; while it runs, writes only append.</summary>
    internal bool Sending { get; set; }

    /// <summary>Whether a background flush is queued on the thread pool; until it runs, writes only append.</summary>
    internal bool FlushScheduled { get; set; }

    /// <summary>Bytes not yet handed to a send (pending, plus the unsent rest of the in-flight array).</summary>
    internal int PendingCount => _pendingCount + (_inFlightCount - _inFlightOffset);

    /// <summary>Appends <paramref name="data"/> to the pending bytes.</summary>
    internal void Append(ReadOnlySpan<byte> data)
    {
        var needed = _pendingCount + data.Length;
        if (needed > _pending.Length)
        {
            var grown = ArrayPool<byte>.Shared.Rent(Math.Max(needed, Math.Max(InitialSize, _pending.Length * 2)));
            _pending.AsSpan(0, _pendingCount).CopyTo(grown);
            Return(_pending);
            _pending = grown;
        }

        data.CopyTo(_pending.AsSpan(_pendingCount));
        _pendingCount = needed;
    }

    /// <summary>
    /// The next at most <paramref name="max"/> bytes to send. When the in-flight array is used up the arrays swap,
    /// so everything written meanwhile goes next; slices keep each send short, so progress (and room for the
    /// writer) comes steadily rather than in waves of a whole queue.
    /// </summary>
    internal ReadOnlyMemory<byte> TakeNext(int max)
    {
        if (_inFlightOffset == _inFlightCount)
        {
            (_pending, _inFlight) = (_inFlight, _pending);
            _inFlightCount = _pendingCount;
            _inFlightOffset = 0;
            _pendingCount = 0;
        }

        var n = Math.Min(max, _inFlightCount - _inFlightOffset);
        var slice = _inFlight.AsMemory(_inFlightOffset, n);
        _inFlightOffset += n;
        return slice;
    }

    /// <summary>Drops everything and returns the arrays (only when no send is in flight).</summary>
    internal int Release()
    {
        var dropped = PendingCount;
        Return(_pending);
        Return(_inFlight);
        _pending = _inFlight = [];
        _pendingCount = _inFlightCount = _inFlightOffset = 0;
        return dropped;
    }

    private static void Return(byte[] array)
    {
        if (array.Length > 0)
        {
            ArrayPool<byte>.Shared.Return(array);
        }
    }
}
