using System.Buffers;

namespace AkkaIpc.Sockets.Internal;

/// <summary>
/// The bytes received but not yet read, in one pooled array holding <c>[head, tail)</c>.
/// Not thread-safe: the owner locks. Only the receive loop calls <see cref="Reserve"/> and <see cref="Commit"/>,
/// and it receives into the reserved region outside the lock; readers only move <c>head</c>, and only the receive
/// loop moves or replaces the array, so the region being received into is never touched concurrently.
/// </summary>
internal sealed class ReceiveBuffer
{
    // Small at first: an idle connection keeps this array for its whole life (a server may hold thousands),
    // and a busy one doubles it as the reader falls behind.
    private const int InitialSize = 16 * 1024;
    private const int MinReceive = 4 * 1024;

    private byte[] _array = [];
    private int _head;
    private int _tail;

    /// <summary>Whether a receive loop owns this buffer (it receives into the array outside the lock).</summary>
    internal bool InUseByLoop { get; set; }

    /// <summary>Set when the socket dropped this buffer while its loop ran; the loop releases it on exit.</summary>
    internal bool ReleaseWhenLoopExits { get; set; }

    /// <summary>The number of buffered bytes.</summary>
    internal int Count => _tail - _head;

    /// <summary>The buffered bytes, valid until the next call on this buffer.</summary>
    internal ReadOnlySpan<byte> Span => _array.AsSpan(_head, _tail - _head);

    /// <summary>Free space at the tail for up to <paramref name="max"/> bytes (at least one byte).</summary>
    internal Memory<byte> Reserve(int max)
    {
        if (_head == _tail)
        {
            _head = _tail = 0;
        }

        var wanted = Math.Min(max, MinReceive);
        if (_array.Length - _tail >= wanted)
        {
            return _array.AsMemory(_tail, Math.Min(_array.Length - _tail, max));
        }

        if (_head > 0 && _array.Length - Count >= wanted)
        {
            // Compact only when the tail is nearly full: the reader lags, and moving a little beats growing.
            Buffer.BlockCopy(_array, _head, _array, 0, Count);
            _tail = Count;
            _head = 0;
        }
        else
        {
            var size = Math.Max(InitialSize, Math.Max(_array.Length * 2, Count + Math.Min(max, InitialSize)));
            var grown = ArrayPool<byte>.Shared.Rent(size);
            Buffer.BlockCopy(_array, _head, grown, 0, Count);
            ReturnArray();
            _tail = Count;
            _head = 0;
            _array = grown;
        }

        return _array.AsMemory(_tail, Math.Min(_array.Length - _tail, max));
    }

    /// <summary>Adds <paramref name="count"/> bytes just received into the reserved region.</summary>
    internal void Commit(int count) => _tail += count;

    /// <summary>Removes up to <paramref name="count"/> bytes from the front.</summary>
    internal void Consume(int count) => _head += Math.Min(count, Count);

    /// <summary>Copies up to <paramref name="destination"/>.Length bytes out and removes them.</summary>
    internal int Read(Span<byte> destination)
    {
        var n = Math.Min(destination.Length, Count);
        _array.AsSpan(_head, n).CopyTo(destination);
        _head += n;
        return n;
    }

    /// <summary>Drops the contents and returns the array to the pool (call only when no receive is in flight).</summary>
    internal void Release()
    {
        ReturnArray();
        _array = [];
        _head = _tail = 0;
    }

    private void ReturnArray()
    {
        if (_array.Length > 0)
        {
            ArrayPool<byte>.Shared.Return(_array);
        }
    }
}
