using System.Buffers.Binary;
using System.Collections.Immutable;
using System.Runtime.InteropServices;

namespace AkkaIpc.Internal;

/// <summary>
/// Cuts a byte stream into length-prefixed frames (4-byte big-endian length, then the payload; Erlang's
/// <c>{packet,4}</c>), however the stream was split. Keeps at most one partial header and one partial frame, whose
/// buffer grows (doubling) as its payload arrives: a header alone never makes it allocate the announced size.
/// </summary>
internal sealed class FrameDecoder
{
    private const int HeaderBytes = 4;

    // The first buffer of a frame; a peer announcing a huge frame costs memory only as fast as it sends the payload.
    private const int InitialFrameBytes = 16 * 1024;
    private readonly int _maxFrameSize;
    private readonly byte[] _header = new byte[HeaderBytes];
    private int _headerFill;
    private byte[]? _frame;
    private int _frameLength;
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

                _frameLength = (int)length;
                _frame = new byte[Math.Min(_frameLength, InitialFrameBytes)];
                _frameFill = 0;
            }

            var copy = Math.Min(_frameLength - _frameFill, input.Length);
            if (_frameFill + copy > _frame.Length)
            {
                // Capped at the frame's length, so a complete frame's array is exactly its payload.
                Array.Resize(ref _frame, Math.Min(_frameLength, Math.Max(_frame.Length * 2, _frameFill + copy)));
            }

            input[..copy].CopyTo(_frame.AsSpan(_frameFill));
            _frameFill += copy;
            input = input[copy..];
            if (_frameFill == _frameLength)
            {
                var frame = _frame;
                _frame = null;
                onFrame(ImmutableCollectionsMarshal.AsImmutableArray(frame));
            }
        }

        return null;
    }
}
