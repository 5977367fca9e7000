using System.Collections;
using Akka.Actor;

namespace Akka.StandIn.Tests.TestKit;

public sealed class ReceiveSpec : Akka.TestKit.Xunit2.TestKit
{
    [Fact]
    public void ReceiveOne_returns_null_on_timeout_and_records_the_last_message()
    {
        Assert.Null(ReceiveOne(TimeSpan.FromMilliseconds(100)));

        TestActor.Tell("m");
        Assert.Equal("m", ReceiveOne());
        Assert.Equal("m", LastMessage);
        Assert.Equal(TestActor, LastSender);
    }

    [Fact]
    public void TryReceiveOne_reports_whether_a_message_was_taken()
    {
        Assert.False(TryReceiveOne(out _, TimeSpan.FromMilliseconds(100)));

        TestActor.Tell("m");
        Assert.True(TryReceiveOne(out var envelope));
        Assert.Equal("m", envelope.Message);
    }

    [Fact]
    public void PeekOne_leaves_the_message_queued()
    {
        Assert.Null(PeekOne(TimeSpan.FromMilliseconds(100)));

        TestActor.Tell("peeked");

        Assert.Equal("peeked", PeekOne());
        Assert.True(TryPeekOne(out var envelope, TimeSpan.Zero, CancellationToken.None));
        Assert.Equal("peeked", envelope.Message);
        ExpectMsg("peeked");
    }

    [Fact]
    public void ReceiveN_takes_exactly_n_and_fails_when_fewer_arrive()
    {
        TestActor.Tell(1);
        TestActor.Tell(2);
        Assert.Equal([1, 2], ReceiveN(2));

        TestActor.Tell(3);
        Assert.ThrowsAny<Exception>(() => ReceiveN(2, TimeSpan.FromMilliseconds(300)));
    }

    [Fact]
    public void FishForMessage_skips_until_the_predicate_matches()
    {
        TestActor.Tell("a");
        TestActor.Tell(7);
        TestActor.Tell("target");
        TestActor.Tell("after");
        var skipped = new ArrayList();

        Assert.Equal("target", FishForMessage<string>(s => s == "target", skipped));

        Assert.Equal(new object[] { "a", 7 }, skipped.ToArray());
        ExpectMsg("after");
    }

    [Fact]
    public void FishForMessage_fails_on_timeout()
    {
        TestActor.Tell("not it");

        Assert.ThrowsAny<Exception>(() => FishForMessage(m => "it".Equals(m), TimeSpan.FromMilliseconds(300)));
    }

    [Fact]
    public void ReceiveWhile_stops_at_the_first_non_match_and_leaves_it_queued()
    {
        TestActor.Tell(1);
        TestActor.Tell("skipped");
        TestActor.Tell(2);
        TestActor.Tell(10);
        TestActor.Tell(3);

        var received = ReceiveWhile<int>(i => i < 5, TimeSpan.FromSeconds(3));

        Assert.Equal([1, 2], received);
        ExpectMsg(10);
        ExpectMsg(3);
    }

    [Fact]
    public void ReceiveWhile_honours_the_message_limit_and_the_filter_form()
    {
        TestActor.Tell("a");
        TestActor.Tell("b");
        TestActor.Tell("c");

        Assert.Equal(["a", "b"], ReceiveWhile<string>(s => true, TimeSpan.FromSeconds(3), msgs: 2));
        Assert.Equal(["C"], ReceiveWhile(m => m is string s ? s.ToUpperInvariant() : null, TimeSpan.FromMilliseconds(300)));
    }
}
