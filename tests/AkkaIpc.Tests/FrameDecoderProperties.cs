using System.Buffers.Binary;
using System.Collections.Immutable;
using AkkaIpc.Internal;
using FsCheck;
using FsCheck.Xunit;

namespace AkkaIpc.Tests;

/// <summary>
/// Properties of the length-prefixed decoder over generated streams (FsCheck): any chunking gives the same frames,
/// and random bytes or random headers never crash it; the worst it does is report an oversized frame (which the
/// socket actor turns into IpcError 108 and a closed connection).
/// </summary>
public sealed class FrameDecoderProperties
{
    private const int MaxFrame = 1024;

    [Property(MaxTest = 300)]
    public bool Any_chunking_of_a_frame_stream_yields_the_same_frames(byte[][] payloads, PositiveInt[] cuts)
    {
        var frames = (payloads ?? []).Select(p => (p ?? []).Take(MaxFrame).ToArray()).ToList();
        var stream = frames.SelectMany(Encode).ToArray();

        var decoded = DecodeInChunks(stream, cuts, out var oversized);

        return oversized is null && decoded.Count == frames.Count && decoded.Zip(frames).All(p => p.First.SequenceEqual(p.Second));
    }

    [Property(MaxTest = 500)]
    public bool Random_bytes_never_crash_the_decoder_and_whatever_it_yields_is_what_the_stream_holds(byte[] bytes, PositiveInt[] cuts)
    {
        bytes ??= [];

        var decoded = DecodeInChunks(bytes, cuts, out var oversized);

        // The frames handed out, encoded again, are the start of the stream; an oversized report names the length
        // announced right after them.
        var prefix = decoded.SelectMany(f => Encode(f.ToArray())).ToArray();
        if (!bytes.AsSpan().StartsWith(prefix) || decoded.Any(f => f.Length > MaxFrame))
            return false;
        return oversized is not { } length
            || (bytes.Length >= prefix.Length + 4 && length == BinaryPrimitives.ReadUInt32BigEndian(bytes.AsSpan(prefix.Length)) && length > MaxFrame);
    }

    [Property(MaxTest = 300)]
    public bool Random_headers_with_short_payloads_never_crash_the_decoder_and_cost_memory_only_for_bytes_received(
        uint[] lengths, byte[] filler)
    {
        // Headers announcing anything up to 4 GiB, each followed by fewer bytes than it announced (or the whole frame).
        var stream = new List<byte>();
        foreach (var generated in lengths ?? [])
        {
            // FsCheck's numbers are small; spread them over the whole range, half of them under the decoder's limit.
            var spread = unchecked(generated * 2_654_435_761u);
            var length = generated % 2 == 0 ? spread % (64u * 1024 * 1024) : spread;
            var header = new byte[4];
            BinaryPrimitives.WriteUInt32BigEndian(header, length);
            stream.AddRange(header);
            stream.AddRange((filler ?? []).Take((int)Math.Min(length, 64)));
        }

        var decoder = new FrameDecoder(64 * 1024 * 1024);
        var input = stream.ToArray();
        var before = GC.GetAllocatedBytesForCurrentThread();
        var frames = 0;
        decoder.Decode(input, _ => frames++);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        // A partial frame costs at most its first buffer (16 KiB) plus what arrived.
        return allocated <= 64 * 1024 + 4L * input.Length;
    }

    private static List<ImmutableArray<byte>> DecodeInChunks(byte[] stream, PositiveInt[]? cuts, out long? oversized)
    {
        var decoder = new FrameDecoder(MaxFrame);
        var decoded = new List<ImmutableArray<byte>>();
        oversized = null;
        var at = 0;
        var sizes = (cuts ?? []).Select(c => c.Get % 97 + 1).DefaultIfEmpty(stream.Length + 1).ToArray();
        for (var i = 0; at < stream.Length && oversized is null; i++)
        {
            var size = Math.Min(sizes[i % sizes.Length], stream.Length - at);
            oversized = decoder.Decode(stream.AsSpan(at, size), decoded.Add);
            at += size;
        }

        return decoded;
    }

    private static byte[] Encode(byte[] payload)
    {
        var frame = new byte[4 + payload.Length];
        BinaryPrimitives.WriteInt32BigEndian(frame, payload.Length);
        payload.CopyTo(frame, 4);
        return frame;
    }
}
