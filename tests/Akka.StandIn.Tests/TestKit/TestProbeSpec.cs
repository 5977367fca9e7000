using Akka.Actor;

namespace Akka.StandIn.Tests.TestKit;

public sealed class TestProbeSpec : Akka.TestKit.Xunit2.TestKit
{
    [Fact]
    public void A_probe_has_its_own_queue()
    {
        var probe = CreateTestProbe();

        probe.Tell("for the probe");

        probe.ExpectMsg("for the probe");
        ExpectNoMsg(100);
    }

    [Fact]
    public void Send_uses_the_probe_as_sender_and_the_reply_reaches_the_probe()
    {
        var probe = CreateTestProbe();
        var echo = Sys.ActorOf(Props.Create(() => new EchoActor()));

        probe.Send(echo, "ping");

        probe.ExpectMsg("ping");
        Assert.Equal(echo, probe.Sender);
        ExpectNoMsg(100);
    }

    [Fact]
    public void A_probe_can_be_passed_as_sender_and_replies_to_the_last_sender()
    {
        var probe = CreateTestProbe();
        var echo = Sys.ActorOf(Props.Create(() => new EchoActor()));

        echo.Tell("via probe", probe);
        probe.ExpectMsg("via probe");

        probe.Tell("question");
        probe.ExpectMsg("question");
        Assert.Equal(TestActor, probe.LastSender);
        probe.Reply("answer");
        ExpectMsg("answer");
        Assert.Equal(probe.Ref, LastSender);
    }

    [Fact]
    public void Forward_keeps_the_original_sender()
    {
        var probe = CreateTestProbe();
        var other = CreateTestProbe();

        probe.Tell("forward me");
        probe.ExpectMsg("forward me");
        probe.Forward(other);

        other.ExpectMsg("forward me");
        Assert.Equal(TestActor, other.LastSender);
    }

    [Fact]
    public void A_probe_watches_and_sees_termination()
    {
        var probe = CreateTestProbe();
        var echo = Sys.ActorOf(Props.Create(() => new EchoActor()));
        probe.Watch(echo);

        echo.Tell(PoisonPill.Instance);

        probe.ExpectTerminated(echo);
        ExpectNoMsg(100);
    }

    [Fact]
    public void A_probe_can_itself_be_watched()
    {
        var probe = CreateTestProbe();
        Watch(probe.Ref);

        Sys.Stop(probe.Ref);

        ExpectTerminated(probe.Ref);
    }

    [Fact]
    public void A_probe_times_out_like_the_test_kit()
    {
        var probe = CreateTestProbe();

        Assert.ThrowsAny<Exception>(() => probe.ExpectMsg<string>(TimeSpan.FromMilliseconds(200)));
    }

    [Fact]
    public void A_probe_equals_its_ref_and_hashes_like_it()
    {
        var probe = CreateTestProbe();
        var byRef = new Dictionary<IActorRef, int> { [probe.Ref] = 1 };

        Assert.True(probe.Equals(probe.Ref));
        Assert.True(probe.Ref.Equals(probe));
        Assert.Equal(probe.Ref.GetHashCode(), probe.GetHashCode());
        Assert.Equal(0, probe.CompareTo(probe.Ref));
        Assert.True(byRef.ContainsKey(probe));
    }
}
