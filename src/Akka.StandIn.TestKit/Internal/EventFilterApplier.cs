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
        Run(1, null, Wrap(action), cancellationToken);

    public void ExpectOne(TimeSpan timeout, Action action, CancellationToken cancellationToken = default) =>
        Run(1, timeout, Wrap(action), cancellationToken);

    public T ExpectOne<T>(Func<T> func, CancellationToken cancellationToken = default) =>
        Run(1, null, Wrap(func), cancellationToken);

    public T ExpectOne<T>(TimeSpan timeout, Func<T> func, CancellationToken cancellationToken = default) =>
        Run(1, timeout, Wrap(func), cancellationToken);

    public void Expect(int expectedCount, Action action, CancellationToken cancellationToken = default) =>
        Run(expectedCount, null, Wrap(action), cancellationToken);

    public void Expect(int expectedCount, TimeSpan timeout, Action action, CancellationToken cancellationToken = default) =>
        Run(expectedCount, timeout, Wrap(action), cancellationToken);

    public T Expect<T>(int expectedCount, Func<T> func, CancellationToken cancellationToken = default) =>
        Run(expectedCount, null, Wrap(func), cancellationToken);

    public T Expect<T>(int expectedCount, TimeSpan timeout, Func<T> func, CancellationToken cancellationToken = default) =>
        Run(expectedCount, timeout, Wrap(func), cancellationToken);

    public Task ExpectOneAsync(Func<Task> actionAsync, CancellationToken cancellationToken = default) =>
        InterceptAsync(1, null, Wrap(actionAsync), cancellationToken);

    public Task ExpectOneAsync(TimeSpan timeout, Func<Task> action, CancellationToken cancellationToken = default) =>
        InterceptAsync(1, timeout, Wrap(action), cancellationToken);

    public Task<T> ExpectOneAsync<T>(Func<Task<T>> func, CancellationToken cancellationToken = default) =>
        InterceptAsync(1, null, func, cancellationToken);

    public Task<T> ExpectOneAsync<T>(TimeSpan timeout, Func<Task<T>> func, CancellationToken cancellationToken = default) =>
        InterceptAsync(1, timeout, func, cancellationToken);

    public Task ExpectAsync(int expectedCount, Func<Task> actionAsync, CancellationToken cancellationToken = default) =>
        InterceptAsync(expectedCount, null, Wrap(actionAsync), cancellationToken);

    public Task ExpectAsync(int expectedCount, Func<Task> actionAsync, TimeSpan? timeout, CancellationToken cancellationToken = default) =>
        InterceptAsync(expectedCount, timeout, Wrap(actionAsync), cancellationToken);

    public Task ExpectAsync(int expectedCount, TimeSpan timeout, Func<Task> action, CancellationToken cancellationToken = default) =>
        InterceptAsync(expectedCount, timeout, Wrap(action), cancellationToken);

    public Task<T> ExpectAsync<T>(int expectedCount, Func<Task<T>> func, CancellationToken cancellationToken = default) =>
        InterceptAsync(expectedCount, null, func, cancellationToken);

    public Task<T> ExpectAsync<T>(int expectedCount, TimeSpan timeout, Func<Task<T>> func, CancellationToken cancellationToken = default) =>
        InterceptAsync(expectedCount, timeout, func, cancellationToken);

    public void Mute(Action action, CancellationToken cancellationToken = default) =>
        Run(null, null, Wrap(action), cancellationToken);

    public T Mute<T>(Func<T> func, CancellationToken cancellationToken = default) =>
        Run(null, null, Wrap(func), cancellationToken);

    public Task MuteAsync(Func<Task> action, CancellationToken cancellationToken = default) =>
        InterceptAsync(null, null, Wrap(action), cancellationToken);

    public Task<T> MuteAsync<T>(Func<Task<T>> func, CancellationToken cancellationToken = default) =>
        InterceptAsync(null, null, func, cancellationToken);

    public IUnmutableFilter Mute()
    {
        var set = new ActiveFilterSet(_filters);
        var registry = TestEventRegistry.For(_system);
        registry.Add(set);
        return new UnmutableFilter(registry, set);
    }

    private static Func<Task<bool>> Wrap(Action action)
    {
        ArgumentNullException.ThrowIfNull(action);
        return () =>
        {
            action();
            return Task.FromResult(true);
        };
    }

    private static Func<Task<T>> Wrap<T>(Func<T> func)
    {
        ArgumentNullException.ThrowIfNull(func);
        return () => Task.FromResult(func());
    }

    private static Func<Task<bool>> Wrap(Func<Task> actionAsync)
    {
        ArgumentNullException.ThrowIfNull(actionAsync);
        return async () =>
        {
            await actionAsync().ConfigureAwait(false);
            return true;
        };
    }

    private T Run<T>(int? expectedCount, TimeSpan? timeout, Func<Task<T>> block, CancellationToken cancellationToken) =>
        InterceptAsync(expectedCount, timeout, block, cancellationToken).GetAwaiter().GetResult();

    /// <summary>Runs <paramref name="block"/> with the filters active; with an expected count, waits for it and checks it exactly.</summary>
    private async Task<T> InterceptAsync<T>(int? expectedCount, TimeSpan? timeout, Func<Task<T>> block, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(block);
        cancellationToken.ThrowIfCancellationRequested();
        var wait = timeout.HasValue ? _testKit.Dilated(timeout.Value) : _testKit.TestKitSettings.TestEventFilterLeeway;
        var set = new ActiveFilterSet(_filters);
        var registry = TestEventRegistry.For(_system);
        registry.Add(set);
        T result;
        try
        {
            result = await block().ConfigureAwait(false);
            if (expectedCount is { } awaited)
                await TestKitBase.PollAsync(() => Task.FromResult(set.Matched >= awaited), wait, TimeSpan.FromMilliseconds(10), cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            registry.Remove(set);
        }

        if (expectedCount is not { } expected)
            return result;
        var matched = set.Matched;
        var assertions = _testKit.TestKitAssertions;
        if (matched > expected)
            assertions.Fail("Received {0} message(s) too many. Expected {1} but received {2} that matched filter [{3}]", matched - expected, expected, matched, set);
        else if (matched < expected)
            assertions.Fail("Timeout ({0}) while waiting for messages. Only received {1}/{2} messages that matched filter [{3}]", wait, matched, expected, set);
        return result;
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
