using Akka.Actor;

namespace Akka.StandIn.Tests.TestKit;

public sealed class ExpectSpec : Akka.TestKit.Xunit2.TestKit
{
    private static readonly TimeSpan Short = TimeSpan.FromMilliseconds(200);

    [Fact]
    public void ExpectMsg_fails_with_a_timeout_message_when_nothing_arrives()
    {
        var error = Assert.ThrowsAny<Exception>(() => ExpectMsg<string>(Short));

        Assert.Contains("Timeout", error.Message, StringComparison.Ordinal);
        Assert.Contains("System.String", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ExpectMsg_of_the_wrong_type_fails_and_consumes_the_message()
    {
        TestActor.Tell(42);

        Assert.ThrowsAny<Exception>(() => ExpectMsg<string>(TimeSpan.FromSeconds(3)));
        ExpectNoMsg(100);
    }

    [Fact]
    public void ExpectMsg_by_value_fails_on_a_different_value_and_passes_on_an_equal_one()
    {
        TestActor.Tell("other");
        Assert.ThrowsAny<Exception>(() => ExpectMsg("expected", TimeSpan.FromSeconds(3)));

        TestActor.Tell("expected");
        Assert.Equal("expected", ExpectMsg("expected"));
    }

    [Fact]
    public void ExpectMsg_predicate_and_assert_forms_check_the_message()
    {
        TestActor.Tell("abc");
        TestActor.Tell("xyz");
        TestActor.Tell("123");

        Assert.Equal("abc", ExpectMsg<string>(s => s.StartsWith('a')));
        Assert.ThrowsAny<Exception>(() => ExpectMsg<string>(s => s.StartsWith('a')));
        ExpectMsg<string>(s => Assert.Equal("123", s));
    }

    [Fact]
    public void ExpectMsg_sender_forms_see_the_sender()
    {
        var echo = Sys.ActorOf(Props.Create(() => new EchoActor()));
        echo.Tell("ping");
        ExpectMsg<string>((m, sender) => m == "ping" && sender.Equals(echo));

        echo.Tell("pong");
        ExpectMsgFrom<string>(echo);

        echo.Tell("again");
        Assert.ThrowsAny<Exception>(() => ExpectMsgFrom<string>(TestActor, TimeSpan.FromSeconds(3)));
    }

    [Fact]
    public void ExpectNoMsg_fails_when_a_message_arrives()
    {
        TestActor.Tell("unexpected");

        Assert.ThrowsAny<Exception>(() => ExpectNoMsg(TimeSpan.FromSeconds(1)));
    }

    [Fact]
    public void ExpectNoMsg_passes_on_silence()
    {
        ExpectNoMsg(TimeSpan.FromMilliseconds(100));
        ExpectNoMsg(100);
    }

    [Fact]
    public void ExpectMsgAllOf_accepts_any_order_and_fails_on_a_missing_message()
    {
        TestActor.Tell(3);
        TestActor.Tell(1);
        TestActor.Tell(2);
        Assert.Equal([3, 1, 2], ExpectMsgAllOf(1, 2, 3));

        TestActor.Tell(1);
        Assert.ThrowsAny<Exception>(() => ExpectMsgAllOf(TimeSpan.FromMilliseconds(300), 1, 2));
    }

    [Fact]
    public void ExpectMsgAnyOf_accepts_a_member_and_rejects_others()
    {
        TestActor.Tell("b");
        Assert.Equal("b", ExpectMsgAnyOf(new[] { "a", "b" }));

        TestActor.Tell("c");
        Assert.ThrowsAny<Exception>(() => ExpectMsgAnyOf(new[] { "a", "b" }));
    }

    [Fact]
    public void ExpectTerminated_sees_a_watched_actor_stop_and_the_test_actor_keeps_working()
    {
        var echo = Sys.ActorOf(Props.Create(() => new EchoActor()));
        Watch(echo);

        Sys.Stop(echo);

        Assert.Equal(echo, ExpectTerminated(echo).ActorRef);
        TestActor.Tell("still alive");
        ExpectMsg("still alive");
    }

    [Fact]
    public async Task Async_twins_behave_like_the_sync_forms()
    {
        TestActor.Tell("one");
        Assert.Equal("one", await ExpectMsgAsync<string>());

        await ExpectNoMsgAsync(TimeSpan.FromMilliseconds(100));

        await Assert.ThrowsAnyAsync<Exception>(async () => await ExpectMsgAsync<int>(Short));
    }
}
