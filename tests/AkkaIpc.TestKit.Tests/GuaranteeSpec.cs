using Akka.Actor;
using AkkaIpc.TestKit;
using Xunit.Abstractions;

namespace AkkaIpc.TestKit.Tests;

/// <summary>The ordering promises the README's message catalogue makes, each held by a spec.</summary>
public sealed class GuaranteeSpec(ITestOutputHelper output) : IpcTestKit(output: output)
{
    [Fact]
    public async Task Every_byte_sent_before_a_hangup_must_arrive_before_IpcError_102()
    {
        for (var trial = 0; trial < 20; trial++)
        {
            var path = NewSocketPath();
            var probe = CreateTestProbe();
            var listener = await Ipc.ListenAsync(path, probe.Ref);
            var peer = await SocketPeer.ConnectAsync(path);
            probe.ExpectConnected();

            for (var i = 0; i < 100; i++)
                peer.Send($"frame {i}");
            peer.Close();                                      // hang up right after the last send

            for (var i = 0; i < 100; i++)
                probe.ExpectReceived($"frame {i}");
            probe.ExpectIpcError(IpcErrorCode.LostConnection);
            listener.Tell(Close.Instance);
            peer.Dispose();
        }
    }

    [Fact]
    public async Task A_late_subscriber_must_get_Subscribed_then_Connected_and_no_Received_before_it()
    {
        var path = NewSocketPath();
        var listener = await Ipc.ListenAsync(path);
        using var peer = await SocketPeer.ConnectAsync(path);
        await AwaitAssertAsync(async () => Assert.True((await listener.Ask<SocketStatus>(GetStatus.Instance)).IsConnected));

        for (var i = 0; i < 50; i++)
            peer.Send($"early {i}");                           // bytes already flowing while the subscriber joins
        listener.Tell(new Subscribe(TestActor));

        Assert.Equal(TestActor, ExpectMsg<Subscribed>().Subscriber);
        ExpectMsg<Connected>();
        peer.Send("late");
        FishForMessage<Received>(r => r.ToByteString().ToString() == "late");
    }
}
