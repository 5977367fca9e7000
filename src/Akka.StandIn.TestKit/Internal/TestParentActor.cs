using Akka.Actor;

namespace Akka.TestKit.Internal;

/// <summary>
/// The parent behind <c>ChildActorOf</c>: creates the child under the given strategy, reports it, and
/// forwards whatever the child sends it to the test actor.
/// </summary>
internal sealed class TestParentActor : UntypedActor
{
    private readonly SupervisorStrategy _strategy;
    private readonly IActorRef _testActor;

    public TestParentActor(Props childProps, string childName, SupervisorStrategy strategy, IActorRef testActor, TaskCompletionSource<IActorRef> created)
    {
        _strategy = strategy;
        _testActor = testActor;
        created.TrySetResult(Context.ActorOf(childProps, childName));
    }

    protected override SupervisorStrategy SupervisorStrategy() => _strategy ?? base.SupervisorStrategy();

    protected override void OnReceive(object message) => _testActor.Forward(message);
}
