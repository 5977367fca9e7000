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

    /// <summary>Whether a send loop is running; while it runs, writes only append.</summary>
    internal bool Sending { get; set; }

    /// <summary>Bytes waiting for the next send.</summary>
    internal int PendingCount => _pendingCount;

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

    /// <summary>Moves the pending bytes in flight and returns them; later appends go to the other array.</summary>
    internal ReadOnlyMemory<byte> TakePending()
    {
        (_pending, _inFlight) = (_inFlight, _pending);
        var taken = _inFlight.AsMemory(0, _pendingCount);
        _pendingCount = 0;
        return taken;
    }

    /// <summary>Drops everything and returns the arrays (only when no send is in flight).</summary>
    internal int Release()
    {
        var dropped = _pendingCount;
        Return(_pending);
        Return(_inFlight);
        _pending = _inFlight = [];
        _pendingCount = 0;
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
