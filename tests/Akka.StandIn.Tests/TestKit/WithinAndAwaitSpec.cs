using Akka.Actor;

namespace Akka.StandIn.Tests.TestKit;

public sealed class WithinAndAwaitSpec : Akka.TestKit.Xunit2.TestKit
{
    [Fact]
    public void Within_gives_inner_expects_its_deadline()
    {
        Within(TimeSpan.FromSeconds(2), () =>
        {
            Assert.True(RemainingOrDefault <= TimeSpan.FromSeconds(2));
            Assert.True(Remaining <= TimeSpan.FromSeconds(2));
        });

        var error = Assert.ThrowsAny<Exception>(() => Within(TimeSpan.FromMilliseconds(300), () => ExpectMsg<string>()));
        Assert.Contains("Timeout", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Within_fails_when_the_block_overruns_its_deadline()
    {
        Assert.ThrowsAny<Exception>(() => Within(TimeSpan.FromMilliseconds(100), () =>
        {
            AwaitConditionNoThrow(() => false, TimeSpan.FromMilliseconds(500));
        }));
    }

    [Fact]
    public void Within_fails_when_the_block_finishes_before_min()
    {
        Assert.ThrowsAny<Exception>(() => Within(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(3), () => { }));
    }

    [Fact]
    public void Within_ending_with_ExpectNoMsg_may_use_up_the_whole_block()
    {
        Within(TimeSpan.FromMilliseconds(300), () => ExpectNoMsg());
    }

    [Fact]
    public void Remaining_outside_Within_throws()
    {
        Assert.ThrowsAny<Exception>(() => Remaining);
    }

    [Fact]
    public async Task WithinAsync_returns_the_block_result()
    {
        TestActor.Tell("x");

        var result = await WithinAsync(TimeSpan.FromSeconds(3), async () => await ExpectMsgAsync<string>());

        Assert.Equal("x", result);
    }

    [Fact]
    public void AwaitAssert_retries_until_the_assertion_passes()
    {
        var attempts = 0;

        AwaitAssert(() => Assert.True(++attempts >= 3), TimeSpan.FromSeconds(3), TimeSpan.FromMilliseconds(10));

        Assert.Equal(3, attempts);
    }

    [Fact]
    public void AwaitAssert_rethrows_the_last_failure_at_the_deadline()
    {
        var attempts = 0;

        Assert.ThrowsAny<Exception>(() => AwaitAssert(() => Assert.Equal(-1, ++attempts), TimeSpan.FromMilliseconds(300), TimeSpan.FromMilliseconds(20)));
        Assert.True(attempts > 1);
    }

    [Fact]
    public void AwaitCondition_passes_when_the_condition_turns_true_and_fails_otherwise()
    {
        var polls = 0;
        AwaitCondition(() => ++polls >= 3, TimeSpan.FromSeconds(3), TimeSpan.FromMilliseconds(10));

        Assert.ThrowsAny<Exception>(() => AwaitCondition(() => false, TimeSpan.FromMilliseconds(200)));
        Assert.False(AwaitConditionNoThrow(() => false, TimeSpan.FromMilliseconds(200)));
        Assert.True(AwaitConditionNoThrow(() => true, TimeSpan.FromMilliseconds(200)));
    }
}
