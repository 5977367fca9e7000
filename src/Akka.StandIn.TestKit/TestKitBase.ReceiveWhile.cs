using System.Runtime.CompilerServices;

namespace Akka.TestKit;

/// <content>ReceiveWhile: taking messages while they keep matching, leaving the first non-match queued.</content>
public abstract partial class TestKitBase
{
    /// <summary>
    /// Takes messages while they are <typeparamref name="T"/>s satisfying <paramref name="shouldContinue"/>;
    /// stops at the first non-matching <typeparamref name="T"/> (left queued), at the deadline, after an
    /// idle gap, or after <paramref name="msgs"/> messages.
    /// </summary>
    /// <typeparam name="T">The collected message type.</typeparam>
    /// <param name="shouldContinue">Returns true for messages to collect.</param>
    /// <param name="max">The total wait (dilated); null = <see cref="RemainingOrDefault"/>.</param>
    /// <param name="idle">The longest gap between two messages; null = no limit.</param>
    /// <param name="msgs">The most messages to collect.</param>
    /// <param name="shouldIgnoreOtherMessageTypes">Whether messages of other types are taken and skipped (true) or stop the collection (false).</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>The collected messages; never fails.</returns>
    public IReadOnlyList<T> ReceiveWhile<T>(Predicate<T> shouldContinue, TimeSpan? max = null, TimeSpan? idle = null, int msgs = int.MaxValue, bool shouldIgnoreOtherMessageTypes = true, CancellationToken cancellationToken = default) =>
        ReceiveWhileAsync(shouldContinue, max, idle, msgs, shouldIgnoreOtherMessageTypes, cancellationToken).ToListAsync(cancellationToken).AsTask().GetAwaiter().GetResult();

    /// <summary>
    /// Takes messages while <paramref name="filter"/> maps them to a non-default value; stops at the first
    /// message it maps to default (left queued), at the deadline, after an idle gap, or after <paramref name="msgs"/> messages.
    /// </summary>
    /// <typeparam name="T">The collected type.</typeparam>
    /// <param name="filter">Maps a message to the value to collect, or to default to stop.</param>
    /// <param name="max">The total wait (dilated); null = <see cref="RemainingOrDefault"/>.</param>
    /// <param name="idle">The longest gap between two messages; null = no limit.</param>
    /// <param name="msgs">The most messages to collect.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>The collected values; never fails.</returns>
    public IReadOnlyList<T> ReceiveWhile<T>(Func<object, T> filter, TimeSpan? max = null, TimeSpan? idle = null, int msgs = int.MaxValue, CancellationToken cancellationToken = default) =>
        ReceiveWhileAsync(filter, max, idle, msgs, cancellationToken).ToListAsync(cancellationToken).AsTask().GetAwaiter().GetResult();

    /// <summary>Same as <see cref="ReceiveWhile{T}(Func{object, T}, TimeSpan?, TimeSpan?, int, CancellationToken)"/> with <paramref name="max"/> first.</summary>
    /// <typeparam name="T">The collected type.</typeparam>
    /// <param name="max">The total wait (dilated); null = <see cref="RemainingOrDefault"/>.</param>
    /// <param name="filter">Maps a message to the value to collect, or to default to stop.</param>
    /// <param name="msgs">The most messages to collect.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    public IReadOnlyList<T> ReceiveWhile<T>(TimeSpan? max, Func<object, T> filter, int msgs = int.MaxValue, CancellationToken cancellationToken = default) =>
        ReceiveWhile(filter, max, null, msgs, cancellationToken);

    /// <summary>Same as <see cref="ReceiveWhile{T}(Func{object, T}, TimeSpan?, TimeSpan?, int, CancellationToken)"/> with the times first.</summary>
    /// <typeparam name="T">The collected type.</typeparam>
    /// <param name="max">The total wait (dilated); null = <see cref="RemainingOrDefault"/>.</param>
    /// <param name="idle">The longest gap between two messages; null = no limit.</param>
    /// <param name="filter">Maps a message to the value to collect, or to default to stop.</param>
    /// <param name="msgs">The most messages to collect.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    public IReadOnlyList<T> ReceiveWhile<T>(TimeSpan? max, TimeSpan? idle, Func<object, T> filter, int msgs = int.MaxValue, CancellationToken cancellationToken = default) =>
        ReceiveWhile(filter, max, idle, msgs, cancellationToken);

    /// <summary>Async form of <see cref="ReceiveWhile{T}(Predicate{T}, TimeSpan?, TimeSpan?, int, bool, CancellationToken)"/>.</summary>
    /// <typeparam name="T">The collected message type.</typeparam>
    /// <param name="shouldContinue">Returns true for messages to collect.</param>
    /// <param name="max">The total wait (dilated); null = <see cref="RemainingOrDefault"/>.</param>
    /// <param name="idle">The longest gap between two messages; null = no limit.</param>
    /// <param name="msgs">The most messages to collect.</param>
    /// <param name="shouldIgnoreOtherMessageTypes">Whether messages of other types are taken and skipped (true) or stop the collection (false).</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    public IAsyncEnumerable<T> ReceiveWhileAsync<T>(Predicate<T> shouldContinue, TimeSpan? max = null, TimeSpan? idle = null, int msgs = int.MaxValue, bool shouldIgnoreOtherMessageTypes = true, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(shouldContinue);
        return InternalReceiveWhileAsync(
            message => message switch
            {
                T typed when shouldContinue(typed) => Decision<T>.Collect(typed),
                T => Decision<T>.Stop,
                _ => shouldIgnoreOtherMessageTypes ? Decision<T>.Skip : Decision<T>.Stop,
            },
            max,
            idle,
            msgs,
            cancellationToken);
    }

    /// <summary>Async form of <see cref="ReceiveWhile{T}(Func{object, T}, TimeSpan?, TimeSpan?, int, CancellationToken)"/>.</summary>
    /// <typeparam name="T">The collected type.</typeparam>
    /// <param name="filter">Maps a message to the value to collect, or to default to stop.</param>
    /// <param name="max">The total wait (dilated); null = <see cref="RemainingOrDefault"/>.</param>
    /// <param name="idle">The longest gap between two messages; null = no limit.</param>
    /// <param name="msgs">The most messages to collect.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    public IAsyncEnumerable<T> ReceiveWhileAsync<T>(Func<object, T> filter, TimeSpan? max = null, TimeSpan? idle = null, int msgs = int.MaxValue, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        return InternalReceiveWhileAsync(
            message =>
            {
                var value = filter(message);
                return EqualityComparer<T>.Default.Equals(value, default) ? Decision<T>.Stop : Decision<T>.Collect(value);
            },
            max,
            idle,
            msgs,
            cancellationToken);
    }

    /// <summary>Async form of <see cref="ReceiveWhile{T}(TimeSpan?, Func{object, T}, int, CancellationToken)"/>.</summary>
    /// <typeparam name="T">The collected type.</typeparam>
    /// <param name="max">The total wait (dilated); null = <see cref="RemainingOrDefault"/>.</param>
    /// <param name="filter">Maps a message to the value to collect, or to default to stop.</param>
    /// <param name="msgs">The most messages to collect.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    public IAsyncEnumerable<T> ReceiveWhileAsync<T>(TimeSpan? max, Func<object, T> filter, int msgs = int.MaxValue, CancellationToken cancellationToken = default) =>
        ReceiveWhileAsync(filter, max, null, msgs, cancellationToken);

    /// <summary>Async form of <see cref="ReceiveWhile{T}(TimeSpan?, TimeSpan?, Func{object, T}, int, CancellationToken)"/>.</summary>
    /// <typeparam name="T">The collected type.</typeparam>
    /// <param name="max">The total wait (dilated); null = <see cref="RemainingOrDefault"/>.</param>
    /// <param name="idle">The longest gap between two messages; null = no limit.</param>
    /// <param name="filter">Maps a message to the value to collect, or to default to stop.</param>
    /// <param name="msgs">The most messages to collect.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    public IAsyncEnumerable<T> ReceiveWhileAsync<T>(TimeSpan? max, TimeSpan? idle, Func<object, T> filter, int msgs = int.MaxValue, CancellationToken cancellationToken = default) =>
        ReceiveWhileAsync(filter, max, idle, msgs, cancellationToken);

    private async IAsyncEnumerable<T> InternalReceiveWhileAsync<T>(Func<object, Decision<T>> decide, TimeSpan? max, TimeSpan? idle, int msgs, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var end = EndAfter(RemainingOrDilated(max));
        var collected = 0;
        try
        {
            while (collected < msgs)
            {
                var wait = Left(end);
                if (idle.HasValue && (wait == Timeout.InfiniteTimeSpan || idle.Value < wait))
                    wait = idle.Value;
                var envelope = await _queue.TryPeekAsync(wait, cancellationToken).ConfigureAwait(false);
                if (envelope == null)
                    yield break;

                var decision = decide(envelope.Message);
                if (decision.Kind == DecisionKind.Stop)
                    yield break;
                _lastEnvelope = _queue.TryTakeNow();
                if (decision.Kind == DecisionKind.Collect)
                {
                    collected++;
                    yield return decision.Value;
                }
            }
        }
        finally
        {
            // Like ExpectNoMsg, a ReceiveWhile may legitimately use up the rest of a Within block.
            _lastWasNoMsg = true;
        }
    }

    private enum DecisionKind
    {
        Collect,
        Skip,
        Stop,
    }

    private readonly record struct Decision<T>(DecisionKind Kind, T Value)
    {
        internal static Decision<T> Skip => new(DecisionKind.Skip, default);

        internal static Decision<T> Stop => new(DecisionKind.Stop, default);

        internal static Decision<T> Collect(T value) => new(DecisionKind.Collect, value);
    }
}
