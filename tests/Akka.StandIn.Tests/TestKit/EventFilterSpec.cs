using Akka.Actor;
using Akka.Event;

namespace Akka.StandIn.Tests.TestKit;

public sealed class EventFilterSpec : Akka.TestKit.Xunit2.TestKit
{
    private static readonly TimeSpan Short = TimeSpan.FromMilliseconds(300);

    [Fact]
    public void ExpectOne_passes_on_exactly_one_matching_event()
    {
        EventFilter.Error("boom").ExpectOne(() => Log.Error("boom"));
        EventFilter.Warning(start: "careful").ExpectOne(() => Log.Warning("careful now"));
        EventFilter.Info(contains: "middle").ExpectOne(() => Log.Info("in the middle of it"));
    }

    [Fact]
    public void Expect_counts_exactly()
    {
        EventFilter.Error(start: "boom").Expect(3, () =>
        {
            Log.Error("boom 1");
            Log.Error("boom 2");
            Log.Error("boom 3");
        });
    }

    [Fact]
    public void Expect_fails_on_too_few_events()
    {
        Assert.ThrowsAny<Exception>(() => EventFilter.Error(start: "boom").Expect(2, Short, () => Log.Error("boom 1")));
    }

    [Fact]
    public void Expect_fails_on_too_many_events()
    {
        // The inner filter waits for a marker logged after both errors, so both are counted before the outer check.
        Assert.ThrowsAny<Exception>(() => EventFilter.Error(start: "boom").Expect(1, () =>
            EventFilter.Info("marker").ExpectOne(() =>
            {
                Log.Error("boom 1");
                Log.Error("boom 2");
                Log.Info("marker");
            })));
    }

    [Fact]
    public void Non_matching_events_are_not_counted()
    {
        Assert.ThrowsAny<Exception>(() => EventFilter.Error("exact text").ExpectOne(Short, () => Log.Error("other text")));
        Assert.ThrowsAny<Exception>(() => EventFilter.Warning().ExpectOne(Short, () => Log.Info("info, not a warning")));
    }

    [Fact]
    public void Exception_filter_counts_supervisor_failures()
    {
        var crasher = Sys.ActorOf(Props.Create(() => new CrashingActor()));

        EventFilter.Exception<InvalidOperationException>().ExpectOne(() => crasher.Tell("crash"));

        crasher.Tell("restarted and alive");
        ExpectMsg("restarted and alive");
    }

    [Fact]
    public void Exception_filter_matches_on_the_cause_message()
    {
        var crasher = Sys.ActorOf(Props.Create(() => new CrashingActor()));

        EventFilter.Exception<InvalidOperationException>(contains: "on purpose").ExpectOne(() => crasher.Tell("crash"));
        Assert.ThrowsAny<Exception>(() =>
            EventFilter.Exception<ArgumentException>().ExpectOne(Short, () => crasher.Tell("crash")));
    }

    [Fact]
    public void DeadLetter_filter_counts_messages_to_a_stopped_actor()
    {
        var echo = Sys.ActorOf(Props.Create(() => new EchoActor()));
        Watch(echo);
        Sys.Stop(echo);
        ExpectTerminated(echo);

        EventFilter.DeadLetter<string>(s => s == "too late").ExpectOne(() => echo.Tell("too late"));
    }

    [Fact]
    public void Unhandled_messages_become_warnings()
    {
        var actor = Sys.ActorOf(Props.Create(() => new StringOnlyActor()));

        EventFilter.Warning(start: "Unhandled message from").ExpectOne(() => actor.Tell(42));
    }

    [Fact]
    public void A_throwing_custom_filter_does_not_break_the_listener()
    {
        Assert.ThrowsAny<Exception>(() =>
            EventFilter.Custom(_ => throw new InvalidOperationException("bad filter")).ExpectOne(Short, () => Log.Error("x")));

        EventFilter.Error("still counted").ExpectOne(() => Log.Error("still counted"));
    }

    [Fact]
    public void Muted_events_are_not_counted_by_later_filters_until_unmuted()
    {
        using (EventFilter.Error(contains: "muted").Mute())
        {
            Assert.ThrowsAny<Exception>(() => EventFilter.Error().ExpectOne(Short, () => Log.Error("muted error")));
        }

        EventFilter.Error().ExpectOne(() => Log.Error("muted error"));
    }

    [Fact]
    public void And_combines_filters()
    {
        EventFilter.Error("e").And.Warning("w").Expect(2, () =>
        {
            Log.Error("e");
            Log.Warning("w");
        });
    }

    [Fact]
    public void Custom_filter_sees_the_log_event()
    {
        EventFilter.Custom(e => e is Info && e.Message.ToString() == "custom").ExpectOne(() => Log.Info("custom"));
    }

    [Fact]
    public void Generic_forms_return_the_block_result()
    {
        Assert.Equal(42, EventFilter.Error("r").ExpectOne(() =>
        {
            Log.Error("r");
            return 42;
        }));
        Assert.Equal("m", EventFilter.Error("muted").Mute(() =>
        {
            Log.Error("muted");
            return "m";
        }));
    }

    [Fact]
    public async Task Async_forms_with_timeouts_count_and_fail_like_the_sync_ones()
    {
        await EventFilter.Error("a").ExpectAsync(2, TimeSpan.FromSeconds(3), () =>
        {
            Log.Error("a");
            Log.Error("a");
            return Task.CompletedTask;
        });

        await Assert.ThrowsAnyAsync<Exception>(() => EventFilter.Error("never").ExpectOneAsync(Short, () => Task.CompletedTask));

        await EventFilter.Error("quiet").MuteAsync(() =>
        {
            Log.Error("quiet");
            return Task.CompletedTask;
        });
    }

    [Fact]
    public async Task ExpectAsync_counts_like_Expect()
    {
        await EventFilter.Error("async boom").ExpectOneAsync(() =>
        {
            Log.Error("async boom");
            return Task.CompletedTask;
        });
    }
}
