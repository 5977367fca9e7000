using System.Collections;
using System.Runtime.CompilerServices;
using Akka.TestKit.Internal;

namespace Akka.TestKit;

/// <content>Taking messages from the queue: ReceiveOne, ReceiveN, FishForMessage.</content>
public abstract partial class TestKitBase
{
    /// <summary>Takes the next message, waiting up to <paramref name="max"/> (undilated; null = <c>single-expect-default</c>).</summary>
    /// <param name="max">The wait; zero does not wait, infinite waits forever.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>The message, or null on timeout.</returns>
    public object ReceiveOne(TimeSpan? max = null, CancellationToken cancellationToken = default) =>
        ReceiveOneAsync(max, cancellationToken).AsTask().GetAwaiter().GetResult();

    /// <summary>Async form of <see cref="ReceiveOne"/>.</summary>
    /// <param name="max">The wait; zero does not wait, infinite waits forever.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    public async ValueTask<object> ReceiveOneAsync(TimeSpan? max = null, CancellationToken cancellationToken = default)
    {
        var envelope = await TakeAsync(max ?? TestKitSettings.SingleExpectDefault, cancellationToken).ConfigureAwait(false);
        return envelope?.Message;
    }

    /// <summary>Takes the next message with its sender, waiting up to <paramref name="max"/> (undilated; null = <c>single-expect-default</c>).</summary>
    /// <param name="envelope">The message and sender, or null on timeout.</param>
    /// <param name="max">The wait; zero does not wait, infinite waits forever.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>True when a message was taken.</returns>
    public bool TryReceiveOne(out MessageEnvelope envelope, TimeSpan? max = null, CancellationToken cancellationToken = default)
    {
        (var success, envelope) = TryReceiveOneAsync(max, cancellationToken).AsTask().GetAwaiter().GetResult();
        return success;
    }

    /// <summary>Async form of <see cref="TryReceiveOne"/>.</summary>
    /// <param name="max">The wait; zero does not wait, infinite waits forever.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    public async ValueTask<(bool success, MessageEnvelope envelope)> TryReceiveOneAsync(TimeSpan? max, CancellationToken cancellationToken = default)
    {
        var envelope = await TakeAsync(max ?? TestKitSettings.SingleExpectDefault, cancellationToken).ConfigureAwait(false);
        return (envelope != null, envelope);
    }

    /// <summary>Takes exactly <paramref name="numberOfMessages"/> messages within <see cref="RemainingOrDefault"/>.</summary>
    /// <param name="numberOfMessages">How many messages to take.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <exception cref="Exception">Fewer messages arrived in time (the assertion framework's exception).</exception>
    public IReadOnlyCollection<object> ReceiveN(int numberOfMessages, CancellationToken cancellationToken = default) =>
        ReceiveNAsync(numberOfMessages, cancellationToken).ToListAsync(cancellationToken).AsTask().GetAwaiter().GetResult();

    /// <summary>Takes exactly <paramref name="numberOfMessages"/> messages within the dilated <paramref name="max"/>.</summary>
    /// <param name="numberOfMessages">How many messages to take.</param>
    /// <param name="max">The total wait.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <exception cref="Exception">Fewer messages arrived in time (the assertion framework's exception).</exception>
    public IReadOnlyCollection<object> ReceiveN(int numberOfMessages, TimeSpan max, CancellationToken cancellationToken = default) =>
        ReceiveNAsync(numberOfMessages, max, cancellationToken).ToListAsync(cancellationToken).AsTask().GetAwaiter().GetResult();

    /// <summary>Async form of <see cref="ReceiveN(int, CancellationToken)"/>.</summary>
    /// <param name="numberOfMessages">How many messages to take.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    public IAsyncEnumerable<object> ReceiveNAsync(int numberOfMessages, CancellationToken cancellationToken = default) =>
        InternalReceiveNAsync(numberOfMessages, RemainingOrDefault, cancellationToken);

    /// <summary>Async form of <see cref="ReceiveN(int, TimeSpan, CancellationToken)"/>.</summary>
    /// <param name="numberOfMessages">How many messages to take.</param>
    /// <param name="max">The total wait.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    public IAsyncEnumerable<object> ReceiveNAsync(int numberOfMessages, TimeSpan max, CancellationToken cancellationToken = default) =>
        InternalReceiveNAsync(numberOfMessages, Dilated(max), cancellationToken);

    /// <summary>Takes and skips messages until one satisfies <paramref name="isMessage"/>.</summary>
    /// <param name="isMessage">Returns true for the awaited message.</param>
    /// <param name="max">The total wait (dilated); null = <see cref="RemainingOrDefault"/>.</param>
    /// <param name="hint">Added to the failure message.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>The matching message.</returns>
    /// <exception cref="Exception">No matching message arrived in time (the assertion framework's exception).</exception>
    public object FishForMessage(Predicate<object> isMessage, TimeSpan? max = null, string hint = "", CancellationToken cancellationToken = default) =>
        FishForMessageAsync(isMessage, max, hint, cancellationToken).AsTask().GetAwaiter().GetResult();

    /// <summary>Async form of <see cref="FishForMessage(Predicate{object}, TimeSpan?, string, CancellationToken)"/>.</summary>
    /// <param name="isMessage">Returns true for the awaited message.</param>
    /// <param name="max">The total wait (dilated); null = <see cref="RemainingOrDefault"/>.</param>
    /// <param name="hint">Added to the failure message.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    public ValueTask<object> FishForMessageAsync(Predicate<object> isMessage, TimeSpan? max = null, string hint = "", CancellationToken cancellationToken = default) =>
        FishForMessageAsync<object>(isMessage, null, max, hint, cancellationToken);

    /// <summary>Takes and skips messages until one is a <typeparamref name="T"/> satisfying <paramref name="isMessage"/>.</summary>
    /// <typeparam name="T">The awaited message type.</typeparam>
    /// <param name="isMessage">Returns true for the awaited message.</param>
    /// <param name="max">The total wait (dilated); null = <see cref="RemainingOrDefault"/>.</param>
    /// <param name="hint">Added to the failure message.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>The matching message.</returns>
    /// <exception cref="Exception">No matching message arrived in time (the assertion framework's exception).</exception>
    public T FishForMessage<T>(Predicate<T> isMessage, TimeSpan? max = null, string hint = "", CancellationToken cancellationToken = default) =>
        FishForMessageAsync(isMessage, null, max, hint, cancellationToken).AsTask().GetAwaiter().GetResult();

    /// <summary>Like <see cref="FishForMessage{T}(Predicate{T}, TimeSpan?, string, CancellationToken)"/>, collecting every skipped message into <paramref name="allMessages"/> (cleared first).</summary>
    /// <typeparam name="T">The awaited message type.</typeparam>
    /// <param name="isMessage">Returns true for the awaited message.</param>
    /// <param name="allMessages">Receives the skipped messages; may be null.</param>
    /// <param name="max">The total wait (dilated); null = <see cref="RemainingOrDefault"/>.</param>
    /// <param name="hint">Added to the failure message.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>The matching message.</returns>
    /// <exception cref="Exception">No matching message arrived in time (the assertion framework's exception).</exception>
    public T FishForMessage<T>(Predicate<T> isMessage, ArrayList allMessages, TimeSpan? max = null, string hint = "", CancellationToken cancellationToken = default) =>
        FishForMessageAsync(isMessage, allMessages, max, hint, cancellationToken).AsTask().GetAwaiter().GetResult();

    /// <summary>Async form of <see cref="FishForMessage{T}(Predicate{T}, TimeSpan?, string, CancellationToken)"/>.</summary>
    /// <typeparam name="T">The awaited message type.</typeparam>
    /// <param name="isMessage">Returns true for the awaited message.</param>
    /// <param name="max">The total wait (dilated); null = <see cref="RemainingOrDefault"/>.</param>
    /// <param name="hint">Added to the failure message.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    public ValueTask<T> FishForMessageAsync<T>(Predicate<T> isMessage, TimeSpan? max = null, string hint = "", CancellationToken cancellationToken = default) =>
        FishForMessageAsync(isMessage, null, max, hint, cancellationToken);

    /// <summary>Async form of <see cref="FishForMessage{T}(Predicate{T}, ArrayList, TimeSpan?, string, CancellationToken)"/>.</summary>
    /// <typeparam name="T">The awaited message type.</typeparam>
    /// <param name="isMessage">Returns true for the awaited message.</param>
    /// <param name="allMessages">Receives the skipped messages; may be null.</param>
    /// <param name="max">The total wait (dilated); null = <see cref="RemainingOrDefault"/>.</param>
    /// <param name="hint">Added to the failure message.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    public async ValueTask<T> FishForMessageAsync<T>(Predicate<T> isMessage, ArrayList allMessages, TimeSpan? max = null, string hint = "", CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(isMessage);
        var maxValue = RemainingOrDilated(max);
        var end = EndAfter(maxValue);
        allMessages?.Clear();
        while (true)
        {
            var envelope = await TakeAsync(Left(end), cancellationToken).ConfigureAwait(false);
            if (envelope == null)
            {
                _assertions.Fail("Timeout ({0}) during fishForMessage, hint: {1}", maxValue, hint);
                return default;
            }

            if (envelope.Message is T typed && isMessage(typed))
                return typed;
            allMessages?.Add(envelope.Message);
        }
    }

    /// <summary>Takes the head of the queue within <paramref name="max"/> (as given: callers dilate), recording it as last.</summary>
    internal async ValueTask<MessageEnvelope> TakeAsync(TimeSpan max, CancellationToken cancellationToken)
    {
        if (max < TimeSpan.Zero && max != Timeout.InfiniteTimeSpan)
            throw new ArgumentException($"Timeout must not be negative, was {max}", nameof(max));
        var envelope = await _queue.TryTakeAsync(max, cancellationToken).ConfigureAwait(false);
        _lastWasNoMsg = false;
        if (envelope != null)
            _lastEnvelope = envelope;
        return envelope;
    }

    private async IAsyncEnumerable<object> InternalReceiveNAsync(int numberOfMessages, TimeSpan max, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var end = EndAfter(max);
        for (var i = 0; i < numberOfMessages; i++)
        {
            var envelope = await TakeAsync(Left(end), cancellationToken).ConfigureAwait(false);
            if (envelope == null)
                _assertions.Fail("Timeout ({0}) while waiting for {1} messages (got {2})", max, numberOfMessages, i);
            yield return envelope.Message;
        }
    }

    /// <summary>The deadline <paramref name="max"/> from now; <see cref="TimeSpan.MaxValue"/> stands for never.</summary>
    private static TimeSpan EndAfter(TimeSpan max) =>
        max == Timeout.InfiniteTimeSpan ? TimeSpan.MaxValue : MonotonicClock.Now + max;

    /// <summary>Time left until <paramref name="end"/>, never negative; infinite for <see cref="TimeSpan.MaxValue"/>.</summary>
    private static TimeSpan Left(TimeSpan end)
    {
        if (end == TimeSpan.MaxValue)
            return Timeout.InfiniteTimeSpan;
        var left = end - MonotonicClock.Now;
        return left > TimeSpan.Zero ? left : TimeSpan.Zero;
    }
}
