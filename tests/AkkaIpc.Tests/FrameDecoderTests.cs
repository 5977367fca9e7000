using System.Buffers.Binary;
using System.Collections.Immutable;
using System.Text;
using AkkaIpc.Internal;

namespace AkkaIpc.Tests;

public sealed class FrameDecoderTests
{
    [Fact]
    public void Decoder_must_yield_whole_frames_however_the_stream_is_split()
    {
        var stream = Frame("hello").Concat(Frame("")).Concat(Frame(new string('z', 1000))).Concat(Frame("end")).ToArray();
        for (var split = 1; split <= stream.Length; split += 7)
        {
            var decoder = new FrameDecoder(4096);
            var frames = new List<string>();
            for (var at = 0; at < stream.Length; at += split)
            {
                var piece = stream.AsSpan(at, Math.Min(split, stream.Length - at));
                Assert.Null(decoder.Decode(piece, f => frames.Add(Encoding.UTF8.GetString(f.AsSpan()))));
            }

            Assert.Equal(["hello", "", new string('z', 1000), "end"], frames);
        }
    }

    [Fact]
    public void Decoder_must_reject_an_oversized_frame_and_deliver_nothing_of_it()
    {
        var decoder = new FrameDecoder(16);
        var frames = new List<ImmutableArray<byte>>();
        var stream = Frame("ok").Concat(Frame(new string('x', 17))).ToArray();

        var oversized = decoder.Decode(stream, frames.Add);

        Assert.Equal(17, oversized);
        Assert.Single(frames);
    }

    [Fact]
    public void Decoder_must_grow_its_buffer_as_payload_arrives_never_allocating_the_announced_size_up_front()
    {
        // Issue 11 #9: a bare header announcing 4 MiB made the receiver allocate 4 MiB before a byte of payload came.
        var decoder = new FrameDecoder(16 * 1024 * 1024);
        var header = new byte[] { 0x00, 0x40, 0x00, 0x00 };
        var payload = new byte[100];
        var frames = 0;
        decoder.Decode(payload, _ => frames++); // warm up the code path (JIT allocations are not the decoder's)
        decoder = new FrameDecoder(16 * 1024 * 1024);
        frames = 0;

        var before = GC.GetAllocatedBytesForCurrentThread();
        Assert.Null(decoder.Decode(header, _ => frames++));
        Assert.Null(decoder.Decode(payload, _ => frames++));
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(0, frames);
        Assert.True(allocated < 128 * 1024, $"a header and 100 bytes of a 4 MiB frame allocated {allocated} bytes");
    }

    [Fact]
    public void Decoder_must_hand_out_a_frame_that_grew_in_pieces_whole_and_exactly_sized()
    {
        var decoder = new FrameDecoder(8 * 1024 * 1024);
        var payload = new byte[3 * 1024 * 1024 + 17];
        new Random(9).NextBytes(payload);
        var stream = new byte[4 + payload.Length];
        BinaryPrimitives.WriteInt32BigEndian(stream, payload.Length);
        payload.CopyTo(stream, 4);
        var frames = new List<ImmutableArray<byte>>();

        for (var at = 0; at < stream.Length; at += 10_007)
            Assert.Null(decoder.Decode(stream.AsSpan(at, Math.Min(10_007, stream.Length - at)), frames.Add));

        Assert.Equal(payload, Assert.Single(frames).ToArray());
    }

    private static byte[] Frame(string text)
    {
        var payload = Encoding.UTF8.GetBytes(text);
        var frame = new byte[4 + payload.Length];
        BinaryPrimitives.WriteInt32BigEndian(frame, payload.Length);
        payload.CopyTo(frame, 4);
        return frame;
    }
}
