namespace Akka.TestKit;

/// <summary>
/// Applies event filters around a block: while active, matching log events are counted and suppressed
/// (not printed). The Expect forms fail unless exactly the expected number matched within the wait
/// (<c>akka.test.filter-leeway</c>, or the given timeout dilated).
/// </summary>
public interface IEventFilterApplier
{
    /// <summary>Adds further filters; an event matching any of them counts.</summary>
    EventFilterFactory And { get; }

    /// <summary>Runs <paramref name="action"/> and expects exactly one matching event.</summary>
    /// <param name="action">The block that should cause the event.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    void ExpectOne(Action action, CancellationToken cancellationToken = default);

    /// <summary>Runs <paramref name="action"/> and expects exactly one matching event within the dilated <paramref name="timeout"/>.</summary>
    /// <param name="timeout">How long to wait for the event after the block.</param>
    /// <param name="action">The block that should cause the event.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    void ExpectOne(TimeSpan timeout, Action action, CancellationToken cancellationToken = default);

    /// <summary>Runs <paramref name="func"/> and expects exactly one matching event; returns the block's result.</summary>
    /// <typeparam name="T">The result type.</typeparam>
    /// <param name="func">The block that should cause the event.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    T ExpectOne<T>(Func<T> func, CancellationToken cancellationToken = default);

    /// <summary>Runs <paramref name="func"/> and expects exactly one matching event within the dilated <paramref name="timeout"/>.</summary>
    /// <typeparam name="T">The result type.</typeparam>
    /// <param name="timeout">How long to wait for the event after the block.</param>
    /// <param name="func">The block that should cause the event.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    T ExpectOne<T>(TimeSpan timeout, Func<T> func, CancellationToken cancellationToken = default);

    /// <summary>Runs <paramref name="action"/> and expects exactly <paramref name="expectedCount"/> matching events.</summary>
    /// <param name="expectedCount">The exact number of events.</param>
    /// <param name="action">The block that should cause the events.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    void Expect(int expectedCount, Action action, CancellationToken cancellationToken = default);

    /// <summary>Runs <paramref name="action"/> and expects exactly <paramref name="expectedCount"/> matching events within the dilated <paramref name="timeout"/>.</summary>
    /// <param name="expectedCount">The exact number of events.</param>
    /// <param name="timeout">How long to wait for the events after the block.</param>
    /// <param name="action">The block that should cause the events.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    void Expect(int expectedCount, TimeSpan timeout, Action action, CancellationToken cancellationToken = default);

    /// <summary>Runs <paramref name="func"/> and expects exactly <paramref name="expectedCount"/> matching events; returns the block's result.</summary>
    /// <typeparam name="T">The result type.</typeparam>
    /// <param name="expectedCount">The exact number of events.</param>
    /// <param name="func">The block that should cause the events.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    T Expect<T>(int expectedCount, Func<T> func, CancellationToken cancellationToken = default);

    /// <summary>Runs <paramref name="func"/> and expects exactly <paramref name="expectedCount"/> matching events within the dilated <paramref name="timeout"/>.</summary>
    /// <typeparam name="T">The result type.</typeparam>
    /// <param name="expectedCount">The exact number of events.</param>
    /// <param name="timeout">How long to wait for the events after the block.</param>
    /// <param name="func">The block that should cause the events.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    T Expect<T>(int expectedCount, TimeSpan timeout, Func<T> func, CancellationToken cancellationToken = default);

    /// <summary>Async form of <see cref="ExpectOne(Action, CancellationToken)"/>.</summary>
    /// <param name="actionAsync">The block that should cause the event.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    Task ExpectOneAsync(Func<Task> actionAsync, CancellationToken cancellationToken = default);

    /// <summary>Async form of <see cref="ExpectOne(TimeSpan, Action, CancellationToken)"/>.</summary>
    /// <param name="timeout">How long to wait for the event after the block (dilated).</param>
    /// <param name="action">The block that should cause the event.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    Task ExpectOneAsync(TimeSpan timeout, Func<Task> action, CancellationToken cancellationToken = default);

    /// <summary>Async form of <see cref="ExpectOne{T}(Func{T}, CancellationToken)"/>.</summary>
    /// <typeparam name="T">The result type.</typeparam>
    /// <param name="func">The block that should cause the event.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    Task<T> ExpectOneAsync<T>(Func<Task<T>> func, CancellationToken cancellationToken = default);

    /// <summary>Async form of <see cref="ExpectOne{T}(TimeSpan, Func{T}, CancellationToken)"/>.</summary>
    /// <typeparam name="T">The result type.</typeparam>
    /// <param name="timeout">How long to wait for the event after the block (dilated).</param>
    /// <param name="func">The block that should cause the event.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    Task<T> ExpectOneAsync<T>(TimeSpan timeout, Func<Task<T>> func, CancellationToken cancellationToken = default);

    /// <summary>Async form of <see cref="Expect(int, Action, CancellationToken)"/>.</summary>
    /// <param name="expectedCount">The exact number of events.</param>
    /// <param name="actionAsync">The block that should cause the events.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    Task ExpectAsync(int expectedCount, Func<Task> actionAsync, CancellationToken cancellationToken = default);

    /// <summary>Async form of <see cref="Expect(int, Action, CancellationToken)"/> with an optional timeout (dilated; null = filter leeway).</summary>
    /// <param name="expectedCount">The exact number of events.</param>
    /// <param name="actionAsync">The block that should cause the events.</param>
    /// <param name="timeout">How long to wait for the events after the block.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    Task ExpectAsync(int expectedCount, Func<Task> actionAsync, TimeSpan? timeout, CancellationToken cancellationToken = default);

    /// <summary>Async form of <see cref="Expect(int, TimeSpan, Action, CancellationToken)"/>.</summary>
    /// <param name="expectedCount">The exact number of events.</param>
    /// <param name="timeout">How long to wait for the events after the block (dilated).</param>
    /// <param name="action">The block that should cause the events.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    Task ExpectAsync(int expectedCount, TimeSpan timeout, Func<Task> action, CancellationToken cancellationToken = default);

    /// <summary>Async form of <see cref="Expect{T}(int, Func{T}, CancellationToken)"/>.</summary>
    /// <typeparam name="T">The result type.</typeparam>
    /// <param name="expectedCount">The exact number of events.</param>
    /// <param name="func">The block that should cause the events.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    Task<T> ExpectAsync<T>(int expectedCount, Func<Task<T>> func, CancellationToken cancellationToken = default);

    /// <summary>Async form of <see cref="Expect{T}(int, TimeSpan, Func{T}, CancellationToken)"/>.</summary>
    /// <typeparam name="T">The result type.</typeparam>
    /// <param name="expectedCount">The exact number of events.</param>
    /// <param name="timeout">How long to wait for the events after the block (dilated).</param>
    /// <param name="func">The block that should cause the events.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    Task<T> ExpectAsync<T>(int expectedCount, TimeSpan timeout, Func<Task<T>> func, CancellationToken cancellationToken = default);

    /// <summary>Suppresses matching events while <paramref name="action"/> runs.</summary>
    /// <param name="action">The block.</param>
    /// <param name="cancellationToken">Cancels the block's waits.</param>
    void Mute(Action action, CancellationToken cancellationToken = default);

    /// <summary>Suppresses matching events while <paramref name="func"/> runs; returns its result.</summary>
    /// <typeparam name="T">The result type.</typeparam>
    /// <param name="func">The block.</param>
    /// <param name="cancellationToken">Cancels the block's waits.</param>
    T Mute<T>(Func<T> func, CancellationToken cancellationToken = default);

    /// <summary>Suppresses matching events while <paramref name="action"/> runs.</summary>
    /// <param name="action">The block.</param>
    /// <param name="cancellationToken">Cancels the block's waits.</param>
    Task MuteAsync(Func<Task> action, CancellationToken cancellationToken = default);

    /// <summary>Suppresses matching events while <paramref name="func"/> runs; returns its result.</summary>
    /// <typeparam name="T">The result type.</typeparam>
    /// <param name="func">The block.</param>
    /// <param name="cancellationToken">Cancels the block's waits.</param>
    Task<T> MuteAsync<T>(Func<Task<T>> func, CancellationToken cancellationToken = default);

    /// <summary>Suppresses matching events until the returned handle is disposed.</summary>
    IUnmutableFilter Mute();
}
