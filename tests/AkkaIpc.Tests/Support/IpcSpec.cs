using System.Text;
using Akka.Actor;
using Akka.TestKit;
using Xunit.Abstractions;

namespace AkkaIpc.Tests.Support;

/// <summary>
/// Base of the TestKit specs: a fresh actor system per test with small inline backoffs (never reference.conf edits)
/// and a retry budget big enough for a peer process to start under load, generous bounded waits, and per-test socket
/// paths that are removed afterwards.
/// </summary>
public abstract class IpcSpec : Akka.TestKit.Xunit2.TestKit
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

    private readonly List<string> _paths = [];

    protected IpcSpec(ITestOutputHelper output, string extraConfig = "")
        : base(Overrides + "\n" + extraConfig, output)
    {
    }

    protected IpcExtension Ipc => Sys.Ipc();

    protected string NewPath()
    {
        var path = TestPaths.NewSocketPath();
        _paths.Add(path);
        return path;
    }

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

    protected static void Send(TestProbe from, IActorRef to, object message) => to.Tell(message, from.Ref);

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        foreach (var path in _paths)
            TestPaths.Delete(path);
    }
}
