using Akka.Actor;

namespace Akka.TestKit;

/// <content>ExpectMsgFrom (the message must also come from a given sender) and ExpectTerminated.</content>
public abstract partial class TestKitBase
{
    /// <summary>Expects the next message to be a <typeparamref name="T"/> sent by <paramref name="sender"/>.</summary>
    /// <typeparam name="T">The expected type.</typeparam>
    /// <param name="sender">The expected sender.</param>
    /// <param name="duration">The wait (dilated); null = <see cref="RemainingOrDefault"/>.</param>
    /// <param name="hint">Added to the failure message.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>The message.</returns>
    public T ExpectMsgFrom<T>(IActorRef sender, TimeSpan? duration = null, string hint = null, CancellationToken cancellationToken = default) =>
        ExpectMsgFromAsync<T>(sender, duration, hint, cancellationToken).AsTask().GetAwaiter().GetResult();

    /// <summary>Expects the next message to equal <paramref name="message"/> and come from <paramref name="sender"/>.</summary>
    /// <typeparam name="T">The expected type.</typeparam>
    /// <param name="sender">The expected sender.</param>
    /// <param name="message">The expected message.</param>
    /// <param name="timeout">The wait (dilated); null = <see cref="RemainingOrDefault"/>.</param>
    /// <param name="hint">Added to the failure message.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>The message.</returns>
    public T ExpectMsgFrom<T>(IActorRef sender, T message, TimeSpan? timeout = null, string hint = null, CancellationToken cancellationToken = default) =>
        ExpectMsgFromAsync(sender, message, timeout, hint, cancellationToken).AsTask().GetAwaiter().GetResult();

    /// <summary>Expects the next message to be a <typeparamref name="T"/> satisfying <paramref name="isMessage"/> from <paramref name="sender"/>.</summary>
    /// <typeparam name="T">The expected type.</typeparam>
    /// <param name="sender">The expected sender.</param>
    /// <param name="isMessage">Must return true for the message.</param>
    /// <param name="timeout">The wait (dilated); null = <see cref="RemainingOrDefault"/>.</param>
    /// <param name="hint">Added to the failure message.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>The message.</returns>
    public T ExpectMsgFrom<T>(IActorRef sender, Predicate<T> isMessage, TimeSpan? timeout = null, string hint = null, CancellationToken cancellationToken = default) =>
        ExpectMsgFromAsync(sender, isMessage, timeout, hint, cancellationToken).AsTask().GetAwaiter().GetResult();

    /// <summary>Expects the next message to be a <typeparamref name="T"/> that <paramref name="assertMessage"/> accepts, from <paramref name="sender"/>.</summary>
    /// <typeparam name="T">The expected type.</typeparam>
    /// <param name="sender">The expected sender.</param>
    /// <param name="assertMessage">Asserts on the message.</param>
    /// <param name="timeout">The wait (dilated); null = <see cref="RemainingOrDefault"/>.</param>
    /// <param name="hint">Added to the failure message.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>The message.</returns>
    public T ExpectMsgFrom<T>(IActorRef sender, Action<T> assertMessage, TimeSpan? timeout = null, string hint = null, CancellationToken cancellationToken = default) =>
        ExpectMsgFromAsync(sender, assertMessage, timeout, hint, cancellationToken).AsTask().GetAwaiter().GetResult();

    /// <summary>Async form of <see cref="ExpectMsgFrom{T}(IActorRef, TimeSpan?, string, CancellationToken)"/>.</summary>
    /// <typeparam name="T">The expected type.</typeparam>
    /// <param name="sender">The expected sender.</param>
    /// <param name="duration">The wait (dilated); null = <see cref="RemainingOrDefault"/>.</param>
    /// <param name="hint">Added to the failure message.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    public ValueTask<T> ExpectMsgFromAsync<T>(IActorRef sender, TimeSpan? duration = null, string hint = null, CancellationToken cancellationToken = default) =>
        InternalExpectMsgAsync<T>(duration, (m, actual) => AssertSender(sender, actual, m, hint), hint, cancellationToken);

    /// <summary>Async form of <see cref="ExpectMsgFrom{T}(IActorRef, T, TimeSpan?, string, CancellationToken)"/>.</summary>
    /// <typeparam name="T">The expected type.</typeparam>
    /// <param name="sender">The expected sender.</param>
    /// <param name="message">The expected message.</param>
    /// <param name="timeout">The wait (dilated); null = <see cref="RemainingOrDefault"/>.</param>
    /// <param name="hint">Added to the failure message.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    public ValueTask<T> ExpectMsgFromAsync<T>(IActorRef sender, T message, TimeSpan? timeout = null, string hint = null, CancellationToken cancellationToken = default) =>
        InternalExpectMsgAsync<T>(
            timeout,
            (m, actual) =>
            {
                AssertSender(sender, actual, m, hint);
                _assertions.AssertEqual(message, m, "Expected message {0} but received {1} {2}", message, m, hint ?? "");
            },
            hint,
            cancellationToken);

    /// <summary>Async form of <see cref="ExpectMsgFrom{T}(IActorRef, Predicate{T}, TimeSpan?, string, CancellationToken)"/>.</summary>
    /// <typeparam name="T">The expected type.</typeparam>
    /// <param name="sender">The expected sender.</param>
    /// <param name="isMessage">Must return true for the message.</param>
    /// <param name="timeout">The wait (dilated); null = <see cref="RemainingOrDefault"/>.</param>
    /// <param name="hint">Added to the failure message.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    public ValueTask<T> ExpectMsgFromAsync<T>(IActorRef sender, Predicate<T> isMessage, TimeSpan? timeout = null, string hint = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(isMessage);
        return InternalExpectMsgAsync<T>(
            timeout,
            (m, actual) =>
            {
                AssertSender(sender, actual, m, hint);
                _assertions.AssertTrue(isMessage(m), "The message {{{0}}} of type <{1}> did not match the predicate {2}", m, typeof(T).FullName, hint ?? "");
            },
            hint,
            cancellationToken);
    }

    /// <summary>Async form of <see cref="ExpectMsgFrom{T}(IActorRef, Action{T}, TimeSpan?, string, CancellationToken)"/>.</summary>
    /// <typeparam name="T">The expected type.</typeparam>
    /// <param name="sender">The expected sender.</param>
    /// <param name="assertMessage">Asserts on the message.</param>
    /// <param name="timeout">The wait (dilated); null = <see cref="RemainingOrDefault"/>.</param>
    /// <param name="hint">Added to the failure message.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    public ValueTask<T> ExpectMsgFromAsync<T>(IActorRef sender, Action<T> assertMessage, TimeSpan? timeout = null, string hint = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(assertMessage);
        return InternalExpectMsgAsync<T>(
            timeout,
            (m, actual) =>
            {
                AssertSender(sender, actual, m, hint);
                assertMessage(m);
            },
            hint,
            cancellationToken);
    }

    /// <summary>Expects the next message to be a <typeparamref name="T"/> satisfying <paramref name="isMessage"/>, from a sender satisfying <paramref name="isSender"/>.</summary>
    /// <typeparam name="T">The expected type.</typeparam>
    /// <param name="isSender">Must return true for the sender.</param>
    /// <param name="isMessage">Must return true for the message.</param>
    /// <param name="timeout">The wait (dilated); null = <see cref="RemainingOrDefault"/>.</param>
    /// <param name="hint">Added to the failure message.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>The message.</returns>
    public T ExpectMsgFrom<T>(Predicate<IActorRef> isSender, Predicate<T> isMessage, TimeSpan? timeout = null, string hint = null, CancellationToken cancellationToken = default) =>
        ExpectMsgFromAsync(isSender, isMessage, timeout, hint, cancellationToken).AsTask().GetAwaiter().GetResult();

    /// <summary>Expects the next message to be a <typeparamref name="T"/> that <paramref name="assertMessage"/> accepts, from a sender <paramref name="assertSender"/> accepts.</summary>
    /// <typeparam name="T">The expected type.</typeparam>
    /// <param name="assertSender">Asserts on the sender.</param>
    /// <param name="assertMessage">Asserts on the message.</param>
    /// <param name="timeout">The wait (dilated); null = <see cref="RemainingOrDefault"/>.</param>
    /// <param name="hint">Added to the failure message.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>The message.</returns>
    public T ExpectMsgFrom<T>(Action<IActorRef> assertSender, Action<T> assertMessage, TimeSpan? timeout = null, string hint = null, CancellationToken cancellationToken = default) =>
        ExpectMsgFromAsync(assertSender, assertMessage, timeout, hint, cancellationToken).AsTask().GetAwaiter().GetResult();

    /// <summary>Async form of <see cref="ExpectMsgFrom{T}(Predicate{IActorRef}, Predicate{T}, TimeSpan?, string, CancellationToken)"/>.</summary>
    /// <typeparam name="T">The expected type.</typeparam>
    /// <param name="isSender">Must return true for the sender.</param>
    /// <param name="isMessage">Must return true for the message.</param>
    /// <param name="timeout">The wait (dilated); null = <see cref="RemainingOrDefault"/>.</param>
    /// <param name="hint">Added to the failure message.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    public ValueTask<T> ExpectMsgFromAsync<T>(Predicate<IActorRef> isSender, Predicate<T> isMessage, TimeSpan? timeout = null, string hint = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(isSender);
        ArgumentNullException.ThrowIfNull(isMessage);
        return InternalExpectMsgAsync<T>(
            timeout,
            (m, sender) =>
            {
                _assertions.AssertTrue(isSender(sender), "Got a message of the expected type <{0}> from {1}, which did not match the sender predicate {2}", typeof(T).FullName, sender, hint ?? "");
                _assertions.AssertTrue(isMessage(m), "The message {{{0}}} of type <{1}> did not match the predicate {2}", m, typeof(T).FullName, hint ?? "");
            },
            hint,
            cancellationToken);
    }

    /// <summary>Async form of <see cref="ExpectMsgFrom{T}(Action{IActorRef}, Action{T}, TimeSpan?, string, CancellationToken)"/>.</summary>
    /// <typeparam name="T">The expected type.</typeparam>
    /// <param name="assertSender">Asserts on the sender.</param>
    /// <param name="assertMessage">Asserts on the message.</param>
    /// <param name="timeout">The wait (dilated); null = <see cref="RemainingOrDefault"/>.</param>
    /// <param name="hint">Added to the failure message.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    public ValueTask<T> ExpectMsgFromAsync<T>(Action<IActorRef> assertSender, Action<T> assertMessage, TimeSpan? timeout = null, string hint = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(assertSender);
        ArgumentNullException.ThrowIfNull(assertMessage);
        return InternalExpectMsgAsync<T>(
            timeout,
            (m, sender) =>
            {
                assertSender(sender);
                assertMessage(m);
            },
            hint,
            cancellationToken);
    }

    /// <summary>Expects the next message to be <see cref="Terminated"/> for <paramref name="target"/> (call <see cref="Watch"/> first).</summary>
    /// <param name="target">The actor expected to have terminated.</param>
    /// <param name="timeout">The wait (dilated); null = <see cref="RemainingOrDefault"/>.</param>
    /// <param name="hint">Added to the failure message.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>The <see cref="Terminated"/> message.</returns>
    public Terminated ExpectTerminated(IActorRef target, TimeSpan? timeout = null, string hint = null, CancellationToken cancellationToken = default) =>
        ExpectTerminatedAsync(target, timeout, hint, cancellationToken).AsTask().GetAwaiter().GetResult();

    /// <summary>Async form of <see cref="ExpectTerminated"/>.</summary>
    /// <param name="target">The actor expected to have terminated.</param>
    /// <param name="timeout">The wait (dilated); null = <see cref="RemainingOrDefault"/>.</param>
    /// <param name="hint">Added to the failure message.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    public ValueTask<Terminated> ExpectTerminatedAsync(IActorRef target, TimeSpan? timeout = null, string hint = null, CancellationToken cancellationToken = default)
    {
        var text = $"Terminated {target}. {hint ?? ""}";
        return InternalExpectMsgAsync<Terminated>(
            timeout,
            (terminated, _) => _assertions.AssertEqual(target, terminated.ActorRef, "Expected {0} but received Terminated for {1}", text, terminated.ActorRef),
            text,
            cancellationToken);
    }

    private void AssertSender<T>(IActorRef expected, IActorRef actual, T message, string hint) =>
        _assertions.AssertEqual(expected, actual, "Sender does not match. Got a message {0} of type {1} from {2}, expected from {3} {4}", message, typeof(T), actual, expected, hint ?? "");
}
