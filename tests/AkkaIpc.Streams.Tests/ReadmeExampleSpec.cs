using Akka.IO;
using Akka.Streams.Dsl;
using Xunit.Abstractions;

namespace AkkaIpc.Streams.Tests;

// Inside namespace AkkaIpc, Framing would be AkkaIpc.Framing; the README's code lives outside it.
using Framing = Akka.Streams.Dsl.Framing;

/// <summary>The README's Akka.Streams example, as written there (only the path is the test's own).</summary>
public sealed class ReadmeExampleSpec : StreamSpec
{
    public ReadmeExampleSpec(ITestOutputHelper output)
        : base(output)
    {
    }

    [Fact]
    public async Task The_README_example_upper_cases_framed_messages_and_unbinds()
    {
        var path = NewPath();
        var system = Sys;
        var materializer = Materializer;
        var codec = Framing.SimpleFramingProtocol(64 * 1024);

        var binding = await system.IpcStream().BindAndHandle(
            codec.Reversed().Join(Flow.Create<ByteString>().Select(m => ByteString.FromString(m.ToString().ToUpperInvariant()))),
            materializer, path);

        var replies = await Source.From(["hello", "streams"]).Select(s => ByteString.FromString(s))
            .Via(codec.Join(system.IpcStream().OutgoingConnection(path)))
            .RunWith(Sink.Seq<ByteString>(), materializer);
        await binding.Unbind();

        Assert.Equal(["HELLO", "STREAMS"], replies.Select(r => r.ToString()));
        Assert.False(File.Exists(path));
    }
}
