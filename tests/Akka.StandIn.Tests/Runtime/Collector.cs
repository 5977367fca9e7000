using System.Collections.Concurrent;
using Akka.Actor;

namespace Akka.StandIn.Tests.Runtime;

/// <summary>
/// A minimal probe for plain-xunit specs: an actor that records every message with its sender in a
/// blocking queue, plus bounded waits on that queue. Uses only Akka's public API.
/// </summary>
internal sealed class Collector
{
    public static readonly TimeSpan DefaultWait = TimeSpan.FromSeconds(10);

    private readonly BlockingCollection<(object Message, IActorRef Sender)> _queue = new();

    public Collector(IActorRefFactory factory, string? name = null)
    {
        var queue = _queue;
        Ref = factory.ActorOf(Props.Create(() => new CollectorActor(queue)), name);
    }

    public IActorRef Ref { get; }

    public IActorRef? LastSender { get; private set; }

    public object Next(TimeSpan? wait = null)
    {
        if (!_queue.TryTake(out var item, wait ?? DefaultWait))
            Assert.Fail($"No message within {wait ?? DefaultWait}");
        LastSender = item.Sender;
        return item.Message;
    }

    public T Expect<T>(TimeSpan? wait = null)
    {
        var message = Next(wait);
        return Assert.IsType<T>(message, exactMatch: false);
    }

    public void Expect(object expected, TimeSpan? wait = null) => Assert.Equal(expected, Next(wait));

    /// <summary>Skips messages until one of type <typeparamref name="T"/> matching <paramref name="predicate"/> arrives.</summary>
    public T FishFor<T>(Func<T, bool>? predicate = null, TimeSpan? wait = null)
    {
        var deadline = DateTime.UtcNow + (wait ?? DefaultWait);
        while (true)
        {
            var left = deadline - DateTime.UtcNow;
            if (left <= TimeSpan.Zero)
                Assert.Fail($"No {typeof(T).Name} matched within {wait ?? DefaultWait}");
            if (Next(left) is T t && (predicate is null || predicate(t)))
                return t;
        }
    }

    /// <summary>Asserts that nothing arrives for <paramref name="duration"/> (a negative check has to wait).</summary>
    public void ExpectNothing(TimeSpan duration)
    {
        if (_queue.TryTake(out var item, duration))
            Assert.Fail($"Unexpected message {item.Message}");
    }

    /// <summary>Takes whatever arrives during <paramref name="duration"/> and returns how many messages that was.</summary>
    public int CountFor(TimeSpan duration)
    {
        var deadline = DateTime.UtcNow + duration;
        var count = 0;
        while (deadline - DateTime.UtcNow is { Ticks: > 0 } left && _queue.TryTake(out _, left))
            count++;
        return count;
    }

    private sealed class CollectorActor : UntypedActor
    {
        private readonly BlockingCollection<(object, IActorRef)> _queue;

        public CollectorActor(BlockingCollection<(object, IActorRef)> queue) => _queue = queue;

        protected override void OnReceive(object message) => _queue.Add((message, Sender));
    }
}
