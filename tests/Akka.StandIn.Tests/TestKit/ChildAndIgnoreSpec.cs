using Akka.Actor;

namespace Akka.StandIn.Tests.TestKit;

public sealed class ChildAndIgnoreSpec : Akka.TestKit.Xunit2.TestKit
{
    [Fact]
    public void ChildActorOf_supervises_the_child_with_the_given_strategy()
    {
        var child = ChildActorOf(Props.Create(() => new CrashingActor()), SupervisorStrategy.StoppingStrategy);
        Watch(child);

        EventFilter.Exception<InvalidOperationException>().ExpectOne(() => child.Tell("crash"));

        ExpectTerminated(child);
    }

    [Fact]
    public void ChildActorOf_with_the_default_strategy_restarts_the_child()
    {
        var child = ChildActorOf(Props.Create(() => new CrashingActor()), "worker");

        EventFilter.Exception<InvalidOperationException>().ExpectOne(() => child.Tell("crash"));

        child.Tell("alive");
        ExpectMsg("alive");
        Assert.Equal("worker", child.Path.Name);
    }

    [Fact]
    public void Ignored_messages_never_reach_the_queue_until_ignoring_stops()
    {
        IgnoreMessages<int>();
        TestActor.Tell(1);
        TestActor.Tell("kept");
        ExpectMsg("kept");

        IgnoreMessages<string>(s => s.StartsWith("noise", StringComparison.Ordinal));
        TestActor.Tell("noise 1");
        TestActor.Tell("signal");
        ExpectMsg("signal");

        IgnoreNoMessages();
        TestActor.Tell(2);
        ExpectMsg(2);
    }
}
