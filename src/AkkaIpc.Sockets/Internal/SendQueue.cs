using System.Buffers;

namespace AkkaIpc.Sockets.Internal;

/// <summary>
/// The bytes accepted by Write but not yet in the kernel, for one connection, in write order: a list of
/// <see cref="SendSegment"/>s. Span writes are copied into the owned array at the tail (so writes made while a send is
/// in flight go out together in the next send); large writes of memory the writer lends (WriteAsync) or never changes
/// are linked in as borrowed segments and sent from that memory. One send at a time takes a slice of the head
/// segment. Not thread-safe: the owner locks.
/// </summary>
internal sealed class SendQueue
{
    private const int InitialSize = 16 * 1024;

    // Owned arrays grow (by copying) only up to this size; past it a new segment starts, so copying stays bounded.
    private const int MaxOwnedSize = 256 * 1024;

    private SendSegment? _head;
    private SendSegment? _tail;
    private int _count;
    private int _inFlight;
    private int _nextSize = InitialSize;

    /// <summary>Whether a send loop is running; while it runs, writes only append.</summary>
    internal bool Sending { get; set; }

    /// <summary>Whether a background flush is queued on the thread pool; until it runs, writes only append.</summary>
    internal bool FlushScheduled { get; set; }

    /// <summary>Set when the connection ended while a send was in flight: the loop releases the queue with it.</summary>
    internal Exception? DropReason { get; set; }

    /// <summary>Bytes not yet handed to a send (everything queued except the slice a send carries now).</summary>
    internal int PendingCount => _count - _inFlight;

    /// <summary>Copies <paramref name="data"/> to the end of the queue.</summary>
    internal void Append(ReadOnlySpan<byte> data)
    {
        if (_tail is { Owned: { } array } tail)
        {
            if (array.Length - tail.Count >= data.Length)
            {
                data.CopyTo(array.AsSpan(tail.Count));
                tail.Count += data.Length;
                _count += data.Length;
                return;
            }

            // Growing moves the array, so never while a send reads from it.
            var unsent = tail.Count - tail.Offset;
            if (!IsInFlight(tail) && unsent + data.Length <= MaxOwnedSize)
            {
                _nextSize = Math.Min(MaxOwnedSize, Math.Max(_nextSize, array.Length * 2));
                var grown = ArrayPool<byte>.Shared.Rent(Math.Max(unsent + data.Length, _nextSize));
                array.AsSpan(tail.Offset, unsent).CopyTo(grown);
                ArrayPool<byte>.Shared.Return(array);
                data.CopyTo(grown.AsSpan(unsent));
                tail.Owned = grown;
                tail.Offset = 0;
                tail.Count = unsent + data.Length;
                _count += data.Length;
                return;
            }

            // Full while a send reads it: writes outpace the kernel, so the next array is larger (one send carries
            // one segment, and small ones would mean many sends).
            _nextSize = Math.Min(MaxOwnedSize, Math.Max(_nextSize, array.Length * 2));
        }

        var owned = ArrayPool<byte>.Shared.Rent(Math.Max(data.Length, _nextSize));
        data.CopyTo(owned);
        Link(new SendSegment { Owned = owned, Count = data.Length });
    }

    /// <summary>Links <paramref name="data"/> in without copying; the caller keeps it unchanged until the segment settles.</summary>
    internal SendSegment AppendBorrowed(ReadOnlyMemory<byte> data)
    {
        var segment = new SendSegment { Borrowed = data, Count = data.Length };
        Link(segment);
        return segment;
    }

    /// <summary>The next at most <paramref name="max"/> bytes to send (only when <see cref="PendingCount"/> &gt; 0).</summary>
    internal ReadOnlyMemory<byte> TakeNext(int max)
    {
        var head = _head!;
        _inFlight = Math.Min(max, head.Count - head.Offset);
        return head.Memory.Slice(head.Offset, _inFlight);
    }

    /// <summary>
    /// The slice from <see cref="TakeNext"/> is in the kernel. A head segment sent completely leaves the queue and
    /// settles; a borrowed one whose writer cancelled meanwhile has its rest copied, then settles as cancelled.
    /// </summary>
    internal void Complete()
    {
        var head = _head!;
        head.Offset += _inFlight;
        _count -= _inFlight;
        _inFlight = 0;
        if (head.Offset == head.Count)
        {
            _head = head.Next;
            if (_head is null)
            {
                _tail = null;
            }

            Return(head);
            head.Settle(null);
        }
        else if (head.CancelRequested)
        {
            CopyRest(head);
        }
    }

    /// <summary>The slice from <see cref="TakeNext"/> failed; nothing of it counts as sent.</summary>
    internal void Abort() => _inFlight = 0;

    /// <summary>
    /// The writer of <paramref name="segment"/> cancelled: copy its unsent rest into an owned array (settling it as
    /// cancelled) now, or, while a send reads from it, as soon as that send returns.
    /// </summary>
    internal void Cancel(SendSegment segment)
    {
        if (segment.Settled)
        {
            return;
        }

        if (IsInFlight(segment))
        {
            segment.CancelRequested = true;
            return;
        }

        CopyRest(segment);
    }

    /// <summary>Drops everything and settles borrowed segments with <paramref name="reason"/> (only when no send is in flight).</summary>
    internal void Release(Exception reason)
    {
        for (var segment = _head; segment is not null; segment = segment.Next)
        {
            Return(segment);
            segment.Settle(reason);
        }

        _head = _tail = null;
        _count = _inFlight = 0;
    }

    private bool IsInFlight(SendSegment segment) => _inFlight > 0 && ReferenceEquals(segment, _head);

    private void CopyRest(SendSegment segment)
    {
        var rest = segment.Memory.Span[segment.Offset..];
        var owned = ArrayPool<byte>.Shared.Rent(rest.Length);
        rest.CopyTo(owned);
        segment.Owned = owned;
        segment.Borrowed = default;
        segment.Count = rest.Length;
        segment.Offset = 0;
        segment.Settle(new OperationCanceledException(segment.Token));
    }

    private void Link(SendSegment segment)
    {
        if (_tail is null)
        {
            _head = _tail = segment;
        }
        else
        {
            _tail.Next = segment;
            _tail = segment;
        }

        _count += segment.Count;
    }

    private static void Return(SendSegment segment)
    {
        if (segment.Owned is { } array)
        {
            ArrayPool<byte>.Shared.Return(array);
            segment.Owned = null;
        }
    }
}
