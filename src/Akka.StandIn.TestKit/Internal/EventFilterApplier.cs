using Akka.Actor;

namespace Akka.TestKit.Internal;

/// <summary>Runs blocks with a set of filters active and checks how many events they matched.</summary>
internal sealed class EventFilterApplier : IEventFilterApplier
{
    private readonly TestKitBase _testKit;
    private readonly ActorSystem _system;
    private readonly IReadOnlyList<LogEventFilter> _filters;

    internal EventFilterApplier(TestKitBase testKit, ActorSystem system, IReadOnlyList<LogEventFilter> filters)
    {
        _testKit = testKit;
        _system = system;
        _filters = filters;
    }

    public EventFilterFactory And => new(_testKit, _system, _filters);

    public void ExpectOne(Action action, CancellationToken cancellationToken = default) =>
        Expect(1, action, cancellationToken);

    public void ExpectOne(TimeSpan timeout, Action action, CancellationToken cancellationToken = default) =>
        Expect(1, timeout, action, cancellationToken);

    public T ExpectOne<T>(Func<T> func, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(func);
        var result = default(T);
        Expect(1, () => result = func(), cancellationToken);
        return result;
    }

    public void Expect(int expectedCount, Action action, CancellationToken cancellationToken = default) =>
        InterceptAsync(expectedCount, null, Wrap(action), cancellationToken).GetAwaiter().GetResult();

    public void Expect(int expectedCount, TimeSpan timeout, Action action, CancellationToken cancellationToken = default) =>
        InterceptAsync(expectedCount, timeout, Wrap(action), cancellationToken).GetAwaiter().GetResult();

    public Task ExpectOneAsync(Func<Task> actionAsync, CancellationToken cancellationToken = default) =>
        InterceptAsync(1, null, actionAsync, cancellationToken);

    public Task ExpectAsync(int expectedCount, Func<Task> actionAsync, CancellationToken cancellationToken = default) =>
        InterceptAsync(expectedCount, null, actionAsync, cancellationToken);

    public void Mute(Action action, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(action);
        cancellationToken.ThrowIfCancellationRequested();
        using var mute = Mute();
        action();
    }

    public IUnmutableFilter Mute()
    {
        var set = new ActiveFilterSet(_filters);
        var registry = TestEventRegistry.For(_system);
        registry.Add(set);
        return new UnmutableFilter(registry, set);
    }

    private static Func<Task> Wrap(Action action)
    {
        ArgumentNullException.ThrowIfNull(action);
        return () =>
        {
            action();
            return Task.CompletedTask;
        };
    }

    private async Task InterceptAsync(int expectedCount, TimeSpan? timeout, Func<Task> actionAsync, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actionAsync);
        var wait = timeout.HasValue ? _testKit.Dilated(timeout.Value) : _testKit.TestKitSettings.TestEventFilterLeeway;
        var set = new ActiveFilterSet(_filters);
        var registry = TestEventRegistry.For(_system);
        registry.Add(set);
        try
        {
            await actionAsync().ConfigureAwait(false);
            await TestKitBase.PollAsync(() => Task.FromResult(set.Matched >= expectedCount), wait, TimeSpan.FromMilliseconds(10), cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            registry.Remove(set);
        }

        var matched = set.Matched;
        var assertions = _testKit.TestKitAssertions;
        if (matched > expectedCount)
            assertions.Fail("Received {0} message(s) too many. Expected {1} but received {2} that matched filter [{3}]", matched - expectedCount, expectedCount, matched, set);
        else if (matched < expectedCount)
            assertions.Fail("Timeout ({0}) while waiting for messages. Only received {1}/{2} messages that matched filter [{3}]", wait, matched, expectedCount, set);
    }

    private sealed class UnmutableFilter : IUnmutableFilter
    {
        private readonly TestEventRegistry _registry;
        private readonly ActiveFilterSet _set;

        internal UnmutableFilter(TestEventRegistry registry, ActiveFilterSet set)
        {
            _registry = registry;
            _set = set;
        }

        public void Unmute() => _registry.Remove(_set);

        public void Dispose() => Unmute();
    }
}
