using Akka.Actor;

namespace Akka.StandIn.Tests.TestKit;

public sealed class ImplicitSenderSpec : Akka.TestKit.Xunit2.TestKit
{
    [Fact]
    public void Tell_from_the_test_has_the_test_actor_as_sender()
    {
        var reporter = Sys.ActorOf(Props.Create(() => new SenderReportingActor()));

        reporter.Tell("who am I");

        Assert.Equal(TestActor, ExpectMsg<IActorRef>());
        Assert.Equal(reporter, LastSender);
    }

    [Fact]
    public async Task Tell_after_an_await_still_has_the_test_actor_as_sender()
    {
        var reporter = Sys.ActorOf(Props.Create(() => new SenderReportingActor()));
        await Task.Yield();

        reporter.Tell("who am I");

        Assert.Equal(TestActor, await ExpectMsgAsync<IActorRef>());
    }

    [Fact]
    public void Replies_land_in_the_test_actor_queue()
    {
        var echo = ActorOf(Props.Create(() => new EchoActor()), "echo");

        echo.Tell("hello");

        ExpectMsg("hello");
        Assert.Equal("echo", LastSender.Path.Name);
    }
}
