using Akka.Actor;

namespace Akka.StandIn.Tests.Actor;

/// <summary>Self goes through the current context as in Akka: fine on the actor's turn, NotSupportedException elsewhere.</summary>
public sealed class SelfOffThreadSpec : Akka.TestKit.Xunit2.TestKit
{
    [Fact]
    public void Reading_Self_from_another_thread_throws_NotSupportedException()
    {
        var actor = Sys.ActorOf(Props.Create(() => new OffThreadSelfActor()));

        actor.Tell("probe");

        Assert.Equal(actor, ExpectMsg<IActorRef>());
        Assert.Equal(nameof(NotSupportedException), ExpectMsg<string>());
    }

    private sealed class OffThreadSelfActor : ReceiveActor
    {
        public OffThreadSelfActor()
        {
            Receive<string>(_ =>
            {
                var sender = Sender;
                sender.Tell(Self, ActorRefs.NoSender);
                Task.Run(() =>
                {
                    string outcome;
                    try
                    {
                        outcome = Self.Path.Name;
                    }
                    catch (NotSupportedException ex)
                    {
                        outcome = ex.GetType().Name;
                    }

                    sender.Tell(outcome, ActorRefs.NoSender);
                });
            });
        }
    }
}
