using Akka.Configuration;
using AkkaIpc.Tests.Support;
using Xunit.Abstractions;

namespace AkkaIpc.Tests;

/// <summary>Every frame the settings admit goes both ways with the defaults (issue 11 #7).</summary>
public sealed class FrameLimitSpec : IpcSpec
{
    public FrameLimitSpec(ITestOutputHelper output)
        : base(output, "akka.ipc.socket.framing = length-prefixed")
    {
    }

    [Fact]
    public void A_frame_of_exactly_max_frame_size_must_go_out_and_come_back_with_the_default_limits()
    {
        var settings = Ipc.Settings.Socket;
        var path = NewPath();
        using var peer = PeerProcess.Start("listen", path, "--echo");
        peer.WaitForLine("Listening");
        var probe = CreateTestProbe();
        var connector = Ipc.Connect(path, probe.Ref);
        probe.FishForMessage<Connected>(_ => true, Long);

        var payload = new byte[settings.MaxFrameSize];
        new Random(7).NextBytes(payload);
        Send(probe, connector, new Write([.. payload], "sent"));

        Assert.Equal(payload, ExpectAckAndEcho(probe, "sent", payload.Length));
    }

    [Fact]
    public void Settings_whose_send_queue_cannot_hold_one_whole_frame_must_be_refused_at_start_up_naming_the_key()
    {
        var config = ConfigurationFactory.ParseString("""
            akka.ipc.socket.framing = length-prefixed
            akka.ipc.socket.max-frame-size = 2MiB
            akka.ipc.socket.send-queue-limit = 1MiB
            """);

        var e = Assert.Throws<ConfigurationException>(() => IpcSettings.Create(config));

        Assert.StartsWith("akka.ipc.socket.send-queue-limit: ", e.Message, StringComparison.Ordinal);
        Assert.Contains("akka.ipc.socket.max-frame-size", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_copy_whose_send_queue_cannot_hold_one_whole_frame_must_be_refused()
    {
        var settings = Ipc.Settings.Socket.WithMaxFrameSize(64 * 1024);

        var e = Assert.Throws<ArgumentOutOfRangeException>(() => settings.WithQueueLimits(64 * 1024, 64 * 1024));

        Assert.Contains("akka.ipc.socket.send-queue-limit", e.Message, StringComparison.Ordinal);
    }
}
