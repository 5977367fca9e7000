using System.Text;
using Akka.Actor;
using Akka.TestKit;
using Xunit.Abstractions;

namespace AkkaIpc.Tests.Support;

/// <summary>
/// Base of the library's specs, on AkkaIpc.TestKit's <see cref="AkkaIpc.TestKit.IpcTestKit"/> (its first user): small
/// inline backoffs (never reference.conf edits) and a retry budget big enough for a peer process to start under load,
/// generous bounded waits; socket paths come from the kit, which removes them afterwards.
/// </summary>
public abstract class IpcSpec : AkkaIpc.TestKit.IpcTestKit
{
    protected static readonly TimeSpan Long = TimeSpan.FromSeconds(20);

    /// <summary>For specs whose peers speak a plain byte stream (the library's default is length-prefixed).</summary>
    protected const string RawFraming = "akka.ipc.socket.framing = raw";

    private const string Overrides = """
        akka.test.single-expect-default = 10s
        akka.ipc.backoff {
          min = 50ms
          max = 400ms
          random-factor = 0.1
          max-retries = 100
          retry-window = 1m
        }
        """;

    protected IpcSpec(ITestOutputHelper output, string extraConfig = "", bool virtualTime = false)
        : base(Overrides + "\n" + extraConfig, output, virtualTime)
    {
    }

    protected string NewPath() => NewSocketPath();

    /// <summary>Waits for the Listening a listener or server sends its subscribers once it accepts on the path.</summary>
    protected static void ExpectListening(TestProbe probe, string path) =>
        Assert.Equal(path, probe.ExpectMsg<Listening>(Long).Path);

    protected static string Text(Received received) => Encoding.UTF8.GetString(received.Data.AsSpan());

    /// <summary>Collects Received events (raw mode may split or merge them) until <paramref name="expected"/> is complete.</summary>
    protected static string ExpectText(TestProbe probe, string expected)
    {
        var text = new StringBuilder();
        while (text.Length < expected.Length)
            text.Append(Text(probe.FishForMessage<Received>(_ => true, Long)));
        Assert.Equal(expected, text.ToString());
        return text.ToString();
    }

    /// <summary>
    /// Waits for a write's <paramref name="ack"/> and for the <paramref name="count"/> bytes an echoing peer sends back,
    /// in either order: the ack comes from the actor that took the write, the echo from the socket actor that read it,
    /// two senders whose messages are not ordered (under load the echo often wins). Other messages are skipped.
    /// </summary>
    protected static byte[] ExpectAckAndEcho(TestProbe probe, object ack, int count)
    {
        var acked = false;
        var echoed = new List<byte>(count);
        while (!acked || echoed.Count < count)
        {
            var message = probe.FishForMessage(m => m.Equals(ack) || m is Received, Long, $"the ack {ack} and {count} echoed bytes");
            if (message is Received received)
                echoed.AddRange(received.Data);
            else
                acked = true;
        }

        return [.. echoed];
    }

    /// <summary>The ack and a text echo, in either order (see the byte-count overload).</summary>
    protected static void ExpectAckAndEcho(TestProbe probe, object ack, string expected) =>
        Assert.Equal(expected, Encoding.UTF8.GetString(ExpectAckAndEcho(probe, ack, Encoding.UTF8.GetByteCount(expected))));

    protected static void Send(TestProbe from, IActorRef to, object message) => to.Tell(message, from.Ref);
}
