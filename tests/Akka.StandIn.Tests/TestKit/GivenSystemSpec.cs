using Akka.Actor;
using Akka.Event;

namespace Akka.StandIn.Tests.TestKit;

public sealed class GivenSystemSpec : Akka.TestKit.Xunit2.TestKit
{
    private static readonly RecordingOutput SharedOutput = new();

    public GivenSystemSpec()
        : base(ActorSystem.Create("given-system", DefaultConfig), SharedOutput)
    {
    }

    [Fact]
    public void A_given_system_is_used_as_is_with_a_working_test_actor()
    {
        var reporter = Sys.ActorOf(Props.Create(() => new SenderReportingActor()));

        reporter.Tell("who");

        Assert.Equal("given-system", Sys.Name);
        Assert.Equal(TestActor, ExpectMsg<IActorRef>());
    }

    [Fact]
    public void Unfiltered_log_events_reach_the_test_output()
    {
        Log.Warning("visible in the output");

        AwaitCondition(() => SharedOutput.Lines.Any(l => l.Contains("visible in the output", StringComparison.Ordinal)), TimeSpan.FromSeconds(3));
    }
}
