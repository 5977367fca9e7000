using Akka.Actor;

namespace Akka.StandIn.Tests.Runtime;

public sealed class ReceiveAsyncSpec
{
    [Fact]
    public void Other_messages_wait_until_the_async_handler_has_completed()
    {
        using var system = Sys.Create();
        var events = new Collector(system);
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var actor = system.ActorOf(Props.Create(() => new AsyncActor(events.Ref, gate.Task)), "async");

        actor.Tell("slow");
        actor.Tell("fast");
        events.Expect("constructed");
        events.Expect("slow started");
        events.ExpectNothing(TimeSpan.FromMilliseconds(200));
        gate.SetResult();

        events.Expect("slow finished");
        events.Expect("fast");
    }

    [Fact]
    public void Context_Self_and_Sender_are_still_valid_after_await()
    {
        using var system = Sys.Create();
        var events = new Collector(system);
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var actor = system.ActorOf(Props.Create(() => new AsyncActor(events.Ref, gate.Task)), "async");

        actor.Tell("context", events.Ref);
        gate.SetResult();
        events.Expect("constructed");

        events.Expect($"self={actor.Path.Name} sender={events.Ref.Path.Name} child={actor.Path.Name}/child");
    }

    [Fact]
    public void A_faulted_async_handler_fails_the_actor_and_supervision_restarts_it()
    {
        using var system = Sys.Create();
        var events = new Collector(system);
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        system.ActorOf(Props.Create(() => new AsyncActor(events.Ref, gate.Task)), "async").Tell("throw");
        gate.SetResult();

        events.Expect("constructed");
        events.Expect("constructed");
    }

    internal sealed class AsyncActor : ReceiveActor
    {
        public AsyncActor(IActorRef events, Task gate)
        {
            events.Tell("constructed");
            ReceiveAsync<string>(s => s == "slow", async _ =>
            {
                events.Tell("slow started");
                await gate;
                await Task.Yield();
                events.Tell("slow finished");
            });
            ReceiveAsync<string>(s => s == "context", async _ =>
            {
                await gate;
                // Not a synchronisation: a real timer-based await, so the continuation resumes off the actor's
                // thread unless ReceiveAsync restores the actor context — which is the behaviour under test.
                await Task.Delay(1);
                var child = Context.ActorOf(Props.Empty, "child");
                events.Tell($"self={Self.Path.Name} sender={Sender.Path.Name} child={child.Path.Parent.Name}/{child.Path.Name}");
            });
            ReceiveAsync<string>(s => s == "throw", async _ =>
            {
                await gate;
                throw new InvalidOperationException("async boom");
            });
            Receive<string>(s => events.Tell(s));
        }
    }
}
