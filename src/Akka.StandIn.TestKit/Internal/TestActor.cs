using Akka.Actor;

namespace Akka.TestKit.Internal;

/// <summary>
/// Queues every message it receives, with its sender, for the test to take. It handles
/// <see cref="Terminated"/> like any other message, so watching an actor never kills it (no death pact).
/// States: one; the ignore predicate is data.
/// </summary>
internal sealed class TestActor : UntypedActor
{
    private readonly TestActorQueue _queue;
    private Func<object, bool> _ignore;

    public TestActor(TestActorQueue queue)
    {
        _queue = queue;
    }

    protected override void OnReceive(object message)
    {
        switch (message)
        {
            case WatchSubject watch:
                Context.Watch(watch.Subject);
                watch.Done.TrySetResult();
                return;
            case UnwatchSubject unwatch:
                Context.Unwatch(unwatch.Subject);
                unwatch.Done.TrySetResult();
                return;
            case SetIgnore ignore:
                _ignore = ignore.ShouldIgnore;
                ignore.Done.TrySetResult();
                return;
        }

        if (_ignore != null && _ignore(message))
            return;
        _queue.Enqueue(new RealMessageEnvelope(message, Sender));
    }
}
