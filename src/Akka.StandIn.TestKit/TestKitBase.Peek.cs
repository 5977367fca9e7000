namespace Akka.TestKit;

/// <content>Looking at the head of the queue without taking it.</content>
public abstract partial class TestKitBase
{
    /// <summary>Returns the next message without taking it, waiting up to <paramref name="max"/> (undilated; null = <c>single-expect-default</c>).</summary>
    /// <param name="max">The wait; zero does not wait, infinite waits forever.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>The message, or null on timeout.</returns>
    public object PeekOne(TimeSpan? max = null, CancellationToken cancellationToken = default) =>
        PeekOneAsync(max, cancellationToken).AsTask().GetAwaiter().GetResult();

    /// <summary>Returns the next message without taking it, waiting up to <c>single-expect-default</c>.</summary>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>The message, or null on timeout.</returns>
    public object PeekOne(CancellationToken cancellationToken) => PeekOne(null, cancellationToken);

    /// <summary>Async form of <see cref="PeekOne(TimeSpan?, CancellationToken)"/>.</summary>
    /// <param name="max">The wait; zero does not wait, infinite waits forever.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    public async ValueTask<object> PeekOneAsync(TimeSpan? max = null, CancellationToken cancellationToken = default)
    {
        var (_, envelope) = await TryPeekOneAsync(max, cancellationToken).ConfigureAwait(false);
        return envelope?.Message;
    }

    /// <summary>Async form of <see cref="PeekOne(CancellationToken)"/>.</summary>
    /// <param name="cancellationToken">Cancels the wait.</param>
    public ValueTask<object> PeekOneAsync(CancellationToken cancellationToken) => PeekOneAsync(null, cancellationToken);

    /// <summary>Looks at the next message and its sender without taking them.</summary>
    /// <param name="envelope">The message and sender, or null on timeout.</param>
    /// <param name="max">The wait (undilated; null = <c>single-expect-default</c>).</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>True when a message is queued.</returns>
    public bool TryPeekOne(out MessageEnvelope envelope, TimeSpan? max, CancellationToken cancellationToken)
    {
        (var success, envelope) = TryPeekOneAsync(max, cancellationToken).AsTask().GetAwaiter().GetResult();
        return success;
    }

    /// <summary>Async form of <see cref="TryPeekOne"/>.</summary>
    /// <param name="max">The wait (undilated; null = <c>single-expect-default</c>).</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    public async ValueTask<(bool success, MessageEnvelope envelope)> TryPeekOneAsync(TimeSpan? max, CancellationToken cancellationToken)
    {
        var wait = max ?? TestKitSettings.SingleExpectDefault;
        if (wait < TimeSpan.Zero && wait != Timeout.InfiniteTimeSpan)
            throw new ArgumentException($"Timeout must not be negative, was {wait}", nameof(max));
        var envelope = await _queue.TryPeekAsync(wait, cancellationToken).ConfigureAwait(false);
        return (envelope != null, envelope);
    }
}
