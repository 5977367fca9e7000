using System.Buffers.Binary;
using System.Collections.Immutable;
using System.Runtime.InteropServices;

namespace AkkaIpc.Internal;

/// <summary>
/// Cuts a byte stream into length-prefixed frames (4-byte big-endian length, then the payload; Erlang's
/// <c>{packet,4}</c>), however the stream was split. Keeps at most one partial header and one partial frame.
/// </summary>
internal sealed class FrameDecoder
{
    private const int HeaderBytes = 4;
    private readonly int _maxFrameSize;
    private readonly byte[] _header = new byte[HeaderBytes];
    private int _headerFill;
    private byte[]? _frame;
    private int _frameFill;

    public FrameDecoder(int maxFrameSize) => _maxFrameSize = maxFrameSize;

    /// <summary>
    /// Feeds <paramref name="input"/> and hands every frame it completes to <paramref name="onFrame"/>, in order.
    /// Each frame is a fresh array owned by the caller.
    /// </summary>
    /// <returns>null, or the announced length of a frame larger than the maximum; nothing of that frame is handed
    /// out, and the decoder must not be used again (the stream can no longer be trusted).</returns>
    public long? Decode(ReadOnlySpan<byte> input, Action<ImmutableArray<byte>> onFrame)
    {
        while (!input.IsEmpty)
        {
            if (_frame is null)
            {
                var take = Math.Min(HeaderBytes - _headerFill, input.Length);
                input[..take].CopyTo(_header.AsSpan(_headerFill));
                _headerFill += take;
                input = input[take..];
                if (_headerFill < HeaderBytes)
                    return null;

                _headerFill = 0;
                var length = BinaryPrimitives.ReadUInt32BigEndian(_header);
                if (length > (uint)_maxFrameSize)
                    return length;
                if (length == 0)
                {
                    onFrame(ImmutableArray<byte>.Empty);
                    continue;
                }

                _frame = new byte[length];
                _frameFill = 0;
            }

            var copy = Math.Min(_frame.Length - _frameFill, input.Length);
            input[..copy].CopyTo(_frame.AsSpan(_frameFill));
            _frameFill += copy;
            input = input[copy..];
            if (_frameFill == _frame.Length)
            {
                var frame = _frame;
                _frame = null;
                onFrame(ImmutableCollectionsMarshal.AsImmutableArray(frame));
            }
        }

        return null;
    }
}
