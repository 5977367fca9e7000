using Akka.Actor;

namespace Akka.StandIn.Tests.Actor;

/// <summary>Props.Create from an expression behaves as in Akka 1.5: arguments evaluated once, public constructors only.</summary>
public sealed class PropsSpec : Akka.TestKit.Xunit2.TestKit
{
    [Fact]
    public void Expression_arguments_are_evaluated_once_when_the_props_is_created()
    {
        var counter = new Counter();

        var props = Props.Create(() => new ArgumentActor(counter.Next()));
        var first = Sys.ActorOf(props);
        var second = Sys.ActorOf(props);
        first.Tell("arg");
        second.Tell("arg");

        Assert.Equal(1, ExpectMsg<int>());
        Assert.Equal(1, ExpectMsg<int>());
        Assert.Equal(1, counter.Value);
        Assert.Equal(typeof(ArgumentActor), props.Type);
        Assert.Equal([1], props.Arguments);
    }

    [Fact]
    public void An_actor_whose_constructor_is_not_public_fails_to_start()
    {
        // Akka builds the instance with Activator from the evaluated arguments, which sees public constructors only.
        var actor = Sys.ActorOf(Props.Create(() => new HiddenConstructorActor()));
        Watch(actor);

        ExpectTerminated(actor);
    }

    private sealed class Counter
    {
        public int Value { get; private set; }

        public int Next() => ++Value;
    }

    private sealed class ArgumentActor : ReceiveActor
    {
        public ArgumentActor(int value)
        {
            Receive<string>(_ => Sender.Tell(value));
        }
    }

    private sealed class HiddenConstructorActor : ReceiveActor
    {
        internal HiddenConstructorActor()
        {
            ReceiveAny(_ => { });
        }
    }
}
