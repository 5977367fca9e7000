using System.Collections.Immutable;
using Akka.Actor;
using System.Text;
using Akka.IO;
using Akka.Streams;
using Akka.Streams.Dsl;
using Xunit.Abstractions;
using StreamFraming = Akka.Streams.Dsl.Framing;

namespace AkkaIpc.Streams.Tests;

public sealed class FramingInteropSpec : StreamSpec
{
    private const int MaxFrame = 256 * 1024;

    public FramingInteropSpec(ITestOutputHelper output)
        : base(output)
    {
    }

    [Fact]
    public async Task SimpleFramingProtocol_keeps_every_message_whole_across_socket_chunks()
    {
        var path = NewPath();
        var reverse = Flow.Create<ByteString>().Select(m => ByteString.CopyFrom(m.ToArray().Reverse().ToArray()));
        await Within(IpcStream.BindAndHandle(StreamFraming.SimpleFramingProtocol(MaxFrame).Reversed().Join(reverse), Materializer, path));

        // Sizes from 1 byte to past a socket read chunk (64 KiB), so frames are split and merged on the way.
        var messages = Enumerable.Range(0, 40).Select(i => Message(i, i * 4999 % 200_000 + 1)).ToList();
        var replies = await Within(Source.From(messages)
            .Via(StreamFraming.SimpleFramingProtocol(MaxFrame).Join(IpcStream.OutgoingConnection(path)))
            .RunWith(Sink.Seq<ByteString>(), Materializer));

        Assert.Equal(messages.Select(m => m.ToArray().Reverse().ToArray()), replies.Select(r => r.ToArray()));
    }

    [Fact]
    public async Task LengthField_with_big_endian_order_reads_the_frames_of_SimpleFramingProtocol()
    {
        var path = NewPath();
        // LengthField's default order is little-endian; SimpleFramingProtocol writes big-endian, so it is asked for.
        var server = StreamFraming.LengthField(fieldLength: 4, maximumFramelength: MaxFrame + 4, fieldOffset: 0, ByteOrder.BigEndian)
            .Select(frame => frame.Slice(4))
            .Select(payload => ByteString.FromString($"{payload.Count}"))
            .Via(StreamFraming.SimpleFramingProtocolEncoder(MaxFrame));
        var messages = new[] { Message(1, 3), Message(2, 70_000), Message(3, 300) };
        await Within(IpcStream.BindAndHandle(server, Materializer, path));

        var replies = await Within(Source.From(messages)
            .Via(StreamFraming.SimpleFramingProtocolEncoder(MaxFrame))
            .Via(IpcStream.OutgoingConnection(path))
            .Via(StreamFraming.SimpleFramingProtocolDecoder(MaxFrame))
            .RunWith(Sink.Seq<ByteString>(), Materializer));

        Assert.Equal(["3", "70000", "300"], replies.Select(r => r.ToString(Encoding.UTF8)));
    }

    [Fact]
    public async Task A_framed_stream_talks_to_a_length_prefixed_actor_server()
    {
        var path = NewPath();
        var probe = CreateTestProbe();
        Sys.Ipc().Serve(path, probe.Ref, Sys.Ipc().Settings.Socket.WithFraming(AkkaIpc.Framing.LengthPrefixed));
        ExpectListening(probe, path);

        var (queue, replies) = Source.Queue<ByteString>(8, OverflowStrategy.Backpressure)
            .Via(StreamFraming.SimpleFramingProtocol(MaxFrame).Join(IpcStream.OutgoingConnection(path)))
            .ToMaterialized(Sink.Queue<ByteString>(), Keep.Both)
            .Run(Materializer);
        await queue.OfferAsync(Bytes("one"));
        await queue.OfferAsync(Bytes("two, a little longer"));
        await queue.OfferAsync(ByteString.FromBytes(new byte[100_000]));

        var connection = probe.ExpectMsg<PeerConnected>(Long).Connection;
        Assert.Equal("one", Text(probe.ExpectMsg<Received>(Long)));
        Assert.Equal("two, a little longer", Text(probe.ExpectMsg<Received>(Long)));
        Assert.Equal(100_000, probe.ExpectMsg<Received>(Long).Data.Length);

        connection.Tell(Write.Text("first reply"), probe.Ref);
        connection.Tell(new Write(ImmutableArray.Create(Encoding.UTF8.GetBytes("second reply"))), probe.Ref);
        Assert.Equal("first reply", (await Within(replies.PullAsync())).Value.ToString(Encoding.UTF8));
        Assert.Equal("second reply", (await Within(replies.PullAsync())).Value.ToString(Encoding.UTF8));
    }

    [Fact]
    public async Task A_length_prefixed_actor_connector_talks_to_a_framed_stream_server()
    {
        var path = NewPath();
        var upper = Flow.Create<ByteString>().Select(m => ByteString.FromString(m.ToString(Encoding.UTF8).ToUpperInvariant()));
        await Within(IpcStream.BindAndHandle(StreamFraming.SimpleFramingProtocol(MaxFrame).Reversed().Join(upper), Materializer, path));

        var probe = CreateTestProbe();
        var link = Sys.Ipc().Connect(path, probe.Ref, Sys.Ipc().Settings.Socket.WithFraming(AkkaIpc.Framing.LengthPrefixed));
        probe.FishForMessage<Connected>(_ => true, Long);
        link.Tell(Write.Text("shout"), probe.Ref);
        link.Tell(Write.Text("louder"), probe.Ref);

        Assert.Equal("SHOUT", Text(probe.FishForMessage<Received>(_ => true, Long)));
        Assert.Equal("LOUDER", Text(probe.FishForMessage<Received>(_ => true, Long)));
    }

    private static ByteString Message(int seed, int length)
    {
        var bytes = new byte[length];
        new Random(seed).NextBytes(bytes);
        return ByteString.FromBytes(bytes);
    }
}
