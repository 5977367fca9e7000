using Akka.Actor;

namespace Akka.TestKit;

/// <content>
/// The ExpectMsg family: each takes the next message, fails on timeout ("Timeout (...) while waiting for a
/// message of type ..."), fails at once when the message is not a <c>T</c> (the message is consumed
/// either way), then applies its check. Timeouts are dilated; null means <see cref="RemainingOrDefault"/>.
/// </content>
public abstract partial class TestKitBase
{
    /// <summary>Expects the next message to be a <typeparamref name="T"/>.</summary>
    /// <typeparam name="T">The expected type.</typeparam>
    /// <param name="duration">The wait (dilated); null = <see cref="RemainingOrDefault"/>.</param>
    /// <param name="hint">Added to the failure message.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>The message.</returns>
    public T ExpectMsg<T>(TimeSpan? duration = null, string hint = null, CancellationToken cancellationToken = default) =>
        ExpectMsgAsync<T>(duration, hint, cancellationToken).AsTask().GetAwaiter().GetResult();

    /// <summary>Expects the next message to equal <paramref name="message"/>.</summary>
    /// <typeparam name="T">The expected type.</typeparam>
    /// <param name="message">The expected message (compared with the assertions' equality).</param>
    /// <param name="timeout">The wait (dilated); null = <see cref="RemainingOrDefault"/>.</param>
    /// <param name="hint">Added to the failure message.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>The received message.</returns>
    public T ExpectMsg<T>(T message, TimeSpan? timeout = null, string hint = null, CancellationToken cancellationToken = default) =>
        ExpectMsgAsync(message, timeout, hint, cancellationToken).AsTask().GetAwaiter().GetResult();

    /// <summary>Expects the next message to be a <typeparamref name="T"/> satisfying <paramref name="isMessage"/>.</summary>
    /// <typeparam name="T">The expected type.</typeparam>
    /// <param name="isMessage">Must return true for the message.</param>
    /// <param name="timeout">The wait (dilated); null = <see cref="RemainingOrDefault"/>.</param>
    /// <param name="hint">Added to the failure message.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>The message.</returns>
    public T ExpectMsg<T>(Predicate<T> isMessage, TimeSpan? timeout = null, string hint = null, CancellationToken cancellationToken = default) =>
        ExpectMsgAsync(isMessage, timeout, hint, cancellationToken).AsTask().GetAwaiter().GetResult();

    /// <summary>Expects the next message to be a <typeparamref name="T"/> that <paramref name="assert"/> accepts (its exception propagates).</summary>
    /// <typeparam name="T">The expected type.</typeparam>
    /// <param name="assert">Asserts on the message.</param>
    /// <param name="timeout">The wait (dilated); null = <see cref="RemainingOrDefault"/>.</param>
    /// <param name="hint">Added to the failure message.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>The message.</returns>
    public T ExpectMsg<T>(Action<T> assert, TimeSpan? timeout = null, string hint = null, CancellationToken cancellationToken = default) =>
        ExpectMsgAsync(assert, timeout, hint, cancellationToken).AsTask().GetAwaiter().GetResult();

    /// <summary>Expects the next message to be a <typeparamref name="T"/> whose message and sender satisfy <paramref name="isMessageAndSender"/>.</summary>
    /// <typeparam name="T">The expected type.</typeparam>
    /// <param name="isMessageAndSender">Must return true for the message and its sender.</param>
    /// <param name="timeout">The wait (dilated); null = <see cref="RemainingOrDefault"/>.</param>
    /// <param name="hint">Added to the failure message.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>The message.</returns>
    public T ExpectMsg<T>(Func<T, IActorRef, bool> isMessageAndSender, TimeSpan? timeout = null, string hint = null, CancellationToken cancellationToken = default) =>
        ExpectMsgAsync(isMessageAndSender, timeout, hint, cancellationToken).AsTask().GetAwaiter().GetResult();

    /// <summary>Expects the next message to be a <typeparamref name="T"/> whose message and sender <paramref name="assertMessageAndSender"/> accepts.</summary>
    /// <typeparam name="T">The expected type.</typeparam>
    /// <param name="assertMessageAndSender">Asserts on the message and its sender.</param>
    /// <param name="timeout">The wait (dilated); null = <see cref="RemainingOrDefault"/>.</param>
    /// <param name="hint">Added to the failure message.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>The message.</returns>
    public T ExpectMsg<T>(Action<T, IActorRef> assertMessageAndSender, TimeSpan? timeout = null, string hint = null, CancellationToken cancellationToken = default) =>
        ExpectMsgAsync(assertMessageAndSender, timeout, hint, cancellationToken).AsTask().GetAwaiter().GetResult();

    /// <summary>Expects the next message to equal <paramref name="expected"/> according to <paramref name="comparer"/>.</summary>
    /// <typeparam name="T">The expected type.</typeparam>
    /// <param name="expected">The expected message.</param>
    /// <param name="comparer">Returns true when (expected, actual) are equal.</param>
    /// <param name="timeout">The wait (dilated); null = <see cref="RemainingOrDefault"/>.</param>
    /// <param name="hint">Added to the failure message.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>The received message.</returns>
    public T ExpectMsg<T>(T expected, Func<T, T, bool> comparer, TimeSpan? timeout = null, string hint = null, CancellationToken cancellationToken = default) =>
        ExpectMsgAsync(expected, comparer, timeout, hint, cancellationToken).AsTask().GetAwaiter().GetResult();

    /// <summary>Async form of <see cref="ExpectMsg{T}(TimeSpan?, string, CancellationToken)"/>.</summary>
    /// <typeparam name="T">The expected type.</typeparam>
    /// <param name="duration">The wait (dilated); null = <see cref="RemainingOrDefault"/>.</param>
    /// <param name="hint">Added to the failure message.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    public ValueTask<T> ExpectMsgAsync<T>(TimeSpan? duration = null, string hint = null, CancellationToken cancellationToken = default) =>
        InternalExpectMsgAsync<T>(duration, null, hint, cancellationToken);

    /// <summary>Async form of <see cref="ExpectMsg{T}(T, TimeSpan?, string, CancellationToken)"/>.</summary>
    /// <typeparam name="T">The expected type.</typeparam>
    /// <param name="message">The expected message.</param>
    /// <param name="timeout">The wait (dilated); null = <see cref="RemainingOrDefault"/>.</param>
    /// <param name="hint">Added to the failure message.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    public ValueTask<T> ExpectMsgAsync<T>(T message, TimeSpan? timeout = null, string hint = null, CancellationToken cancellationToken = default) =>
        InternalExpectMsgAsync<T>(
            timeout,
            (m, _) => _assertions.AssertEqual(message, m, "Expected message {0} but received {1} {2}", message, m, hint ?? ""),
            hint,
            cancellationToken);

    /// <summary>Async form of <see cref="ExpectMsg{T}(Predicate{T}, TimeSpan?, string, CancellationToken)"/>.</summary>
    /// <typeparam name="T">The expected type.</typeparam>
    /// <param name="isMessage">Must return true for the message.</param>
    /// <param name="timeout">The wait (dilated); null = <see cref="RemainingOrDefault"/>.</param>
    /// <param name="hint">Added to the failure message.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    public ValueTask<T> ExpectMsgAsync<T>(Predicate<T> isMessage, TimeSpan? timeout = null, string hint = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(isMessage);
        return InternalExpectMsgAsync<T>(
            timeout,
            (m, sender) => _assertions.AssertTrue(
                isMessage(m),
                "Got a message of the expected type <{0}> from {1}. Also expected {2} but the message {{{3}}} of type <{4}> did not match",
                typeof(T).FullName, sender, hint ?? "the predicate to return true", m, m.GetType().FullName),
            hint,
            cancellationToken);
    }

    /// <summary>Async form of <see cref="ExpectMsg{T}(Action{T}, TimeSpan?, string, CancellationToken)"/>.</summary>
    /// <typeparam name="T">The expected type.</typeparam>
    /// <param name="assert">Asserts on the message.</param>
    /// <param name="timeout">The wait (dilated); null = <see cref="RemainingOrDefault"/>.</param>
    /// <param name="hint">Added to the failure message.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    public ValueTask<T> ExpectMsgAsync<T>(Action<T> assert, TimeSpan? timeout = null, string hint = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(assert);
        return InternalExpectMsgAsync<T>(timeout, (m, _) => assert(m), hint, cancellationToken);
    }

    /// <summary>Async form of <see cref="ExpectMsg{T}(Func{T, IActorRef, bool}, TimeSpan?, string, CancellationToken)"/>.</summary>
    /// <typeparam name="T">The expected type.</typeparam>
    /// <param name="isMessageAndSender">Must return true for the message and its sender.</param>
    /// <param name="timeout">The wait (dilated); null = <see cref="RemainingOrDefault"/>.</param>
    /// <param name="hint">Added to the failure message.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    public ValueTask<T> ExpectMsgAsync<T>(Func<T, IActorRef, bool> isMessageAndSender, TimeSpan? timeout = null, string hint = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(isMessageAndSender);
        return InternalExpectMsgAsync<T>(
            timeout,
            (m, sender) => _assertions.AssertTrue(
                isMessageAndSender(m, sender),
                "Got a message of the expected type <{0}>. Also expected {1} but the message {{{2}}} of type <{3}> from {4} did not match",
                typeof(T).FullName, hint ?? "the predicate to return true", m, m.GetType().FullName, sender),
            hint,
            cancellationToken);
    }

    /// <summary>Async form of <see cref="ExpectMsg{T}(Action{T, IActorRef}, TimeSpan?, string, CancellationToken)"/>.</summary>
    /// <typeparam name="T">The expected type.</typeparam>
    /// <param name="assertMessageAndSender">Asserts on the message and its sender.</param>
    /// <param name="timeout">The wait (dilated); null = <see cref="RemainingOrDefault"/>.</param>
    /// <param name="hint">Added to the failure message.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    public ValueTask<T> ExpectMsgAsync<T>(Action<T, IActorRef> assertMessageAndSender, TimeSpan? timeout = null, string hint = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(assertMessageAndSender);
        return InternalExpectMsgAsync(timeout, assertMessageAndSender, hint, cancellationToken);
    }

    /// <summary>Async form of <see cref="ExpectMsg{T}(T, Func{T, T, bool}, TimeSpan?, string, CancellationToken)"/>.</summary>
    /// <typeparam name="T">The expected type.</typeparam>
    /// <param name="expected">The expected message.</param>
    /// <param name="comparer">Returns true when (expected, actual) are equal.</param>
    /// <param name="timeout">The wait (dilated); null = <see cref="RemainingOrDefault"/>.</param>
    /// <param name="hint">Added to the failure message.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    public ValueTask<T> ExpectMsgAsync<T>(T expected, Func<T, T, bool> comparer, TimeSpan? timeout = null, string hint = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(comparer);
        return InternalExpectMsgAsync<T>(
            timeout,
            (m, _) => _assertions.AssertEqual(expected, m, comparer, "Expected message {0} but received {1} {2}", expected, m, hint ?? ""),
            hint,
            cancellationToken);
    }

    /// <summary>Expects the next message, which must satisfy <paramref name="assert"/> (may be null), to be a <typeparamref name="T"/>.</summary>
    private protected async ValueTask<T> InternalExpectMsgAsync<T>(TimeSpan? timeout, Action<T, IActorRef> assert, string hint, CancellationToken cancellationToken)
    {
        var max = RemainingOrDilated(timeout);
        var envelope = await TakeAsync(max, cancellationToken).ConfigureAwait(false);
        if (envelope == null)
        {
            _assertions.Fail("Timeout ({0}) while waiting for a message of type {1} {2}", max, typeof(T), hint ?? "");
            return default;
        }

        var message = envelope.Message;
        if (message is not T typed)
        {
            _assertions.Fail(
                "Expected a message of type {0}, but received {{{2}}} (type {1}) instead {3} from {4}",
                typeof(T), message.GetType(), message, hint ?? "", envelope.Sender);
            return default;
        }

        assert?.Invoke(typed, envelope.Sender);
        return typed;
    }
}
