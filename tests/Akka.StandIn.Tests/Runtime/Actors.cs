using Akka.Actor;

namespace Akka.StandIn.Tests.Runtime;

/// <summary>Small actors shared by the runtime specs.</summary>
internal static class Actors
{
    /// <summary>Reports its construction to <c>events</c>, throws the exception it is sent, echoes anything else.</summary>
    internal sealed class Thrower : ReceiveActor
    {
        public Thrower(IActorRef events, string label)
        {
            events.Tell("started:" + label);
            Receive<Exception>(e => throw e);
            ReceiveAny(m => Sender.Tell(m));
        }
    }

    /// <summary>Creates the given children, reports them, supervises them with the given strategy, and watches nothing.</summary>
    internal sealed class Supervisor : ReceiveActor
    {
        private readonly SupervisorStrategy _strategy;

        public Supervisor(SupervisorStrategy strategy, Props[] children, IActorRef events)
        {
            _strategy = strategy;
            for (var i = 0; i < children.Length; i++)
                events.Tell(Context.ActorOf(children[i], "c" + i));
            ReceiveAny(_ => { });
        }

        protected override SupervisorStrategy SupervisorStrategy() => _strategy;
    }

    /// <summary>
    /// What a watcher reports for a <see cref="Terminated"/>. (A forwarded Terminated itself would be dropped
    /// by a receiver that does not watch the dead actor, in real Akka as in the stand-in.)
    /// </summary>
    internal sealed record Died(IActorRef Ref, bool ExistenceConfirmed, IActorRef? Sender = null);

    /// <summary>Watches <c>target</c> and reports every message it receives, Terminated as <see cref="Died"/>.</summary>
    internal sealed class Watcher : UntypedActor
    {
        private readonly IActorRef _events;

        public Watcher(IActorRef target, IActorRef events)
        {
            _events = events;
            Context.Watch(target);
        }

        protected override void PreStart() => _events.Tell("watching");

        protected override void OnReceive(object message) =>
            _events.Tell(message is Terminated t ? new Died(t.ActorRef, t.ExistenceConfirmed, Sender) : message);
    }

    /// <summary>Throws in its constructor.</summary>
    internal sealed class FailsInConstructor : ReceiveActor
    {
        public FailsInConstructor() => throw new InvalidOperationException("ctor boom");
    }
}
