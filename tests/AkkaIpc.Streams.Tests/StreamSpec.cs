using System.Text;
using Akka;
using Akka.IO;
using Akka.Streams;
using Akka.Streams.Dsl;
using AkkaIpc.Tests.Support;
using Xunit.Abstractions;

namespace AkkaIpc.Streams.Tests;

/// <summary>Base of the stream specs: an actor system with its materializer and <c>system.IpcStream()</c>.</summary>
public abstract class StreamSpec : IpcSpec
{
    protected StreamSpec(ITestOutputHelper output, string extraConfig = "")
        : base(output, extraConfig)
    {
        Materializer = Sys.Materializer();
    }

    protected IMaterializer Materializer { get; }

    protected IpcStreamExtension IpcStream => Sys.IpcStream();

    protected static ByteString Bytes(string text) => ByteString.FromString(text);

    /// <summary>Collects a flow's output until it completes, as UTF-8 text.</summary>
    protected Task<string> RunToText(Source<ByteString, NotUsed> input, Flow<ByteString, ByteString, Task<Akka.Streams.Dsl.Tcp.OutgoingConnection>> connection) =>
        input.Via(connection)
            .RunAggregate(new StringBuilder(), (text, bytes) => text.Append(bytes.ToString(Encoding.UTF8)), Materializer)
            .ContinueWith(t => t.Result.ToString(), TaskScheduler.Default);

    protected static async Task<T> Within<T>(Task<T> task) => await task.WaitAsync(Long);

    protected static async Task Within(Task task) => await task.WaitAsync(Long);
}
