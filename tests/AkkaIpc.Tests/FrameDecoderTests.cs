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

    private static byte[] Frame(string text)
    {
        var payload = Encoding.UTF8.GetBytes(text);
        var frame = new byte[4 + payload.Length];
        BinaryPrimitives.WriteInt32BigEndian(frame, payload.Length);
        payload.CopyTo(frame, 4);
        return frame;
    }
}
