using Akka.TestKit.Internal;

namespace Akka.TestKit;

/// <content>Within blocks (deadlines that inner Expect calls inherit).</content>
public abstract partial class TestKitBase
{
    /// <summary>
    /// Runs <paramref name="action"/> under a deadline of dilated <paramref name="max"/>, which inner Expect
    /// calls use as their default timeout; fails if the block overruns (unless it ended with ExpectNoMsg/ReceiveWhile).
    /// </summary>
    /// <param name="max">The deadline (dilated).</param>
    /// <param name="action">The block.</param>
    /// <param name="epsilonValue">Extra time tolerated beyond the deadline.</param>
    /// <param name="cancellationToken">Cancels the inner waits.</param>
    public void Within(TimeSpan max, Action action, TimeSpan? epsilonValue = null, CancellationToken cancellationToken = default) =>
        Within(TimeSpan.Zero, max, action, null, epsilonValue, cancellationToken);

    /// <summary>Like <see cref="Within(TimeSpan, Action, TimeSpan?, CancellationToken)"/>, also failing if the block finishes before <paramref name="min"/>.</summary>
    /// <param name="min">The least time the block must take.</param>
    /// <param name="max">The deadline (dilated).</param>
    /// <param name="action">The block.</param>
    /// <param name="hint">Added to the failure message.</param>
    /// <param name="epsilonValue">Extra time tolerated beyond the deadline.</param>
    /// <param name="cancellationToken">Cancels the inner waits.</param>
    public void Within(TimeSpan min, TimeSpan max, Action action, string hint = null, TimeSpan? epsilonValue = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(action);
        WithinAsync(min, max, () => { action(); return Task.CompletedTask; }, hint, epsilonValue, cancellationToken).GetAwaiter().GetResult();
    }

    /// <summary>Like <see cref="Within(TimeSpan, Action, TimeSpan?, CancellationToken)"/>, returning the block's result.</summary>
    /// <typeparam name="T">The result type.</typeparam>
    /// <param name="max">The deadline (dilated).</param>
    /// <param name="function">The block.</param>
    /// <param name="epsilonValue">Extra time tolerated beyond the deadline.</param>
    /// <param name="cancellationToken">Cancels the inner waits.</param>
    public T Within<T>(TimeSpan max, Func<T> function, TimeSpan? epsilonValue = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(function);
        return WithinAsync(TimeSpan.Zero, max, () => Task.FromResult(function()), null, epsilonValue, cancellationToken).GetAwaiter().GetResult();
    }

    /// <summary>Like <see cref="Within(TimeSpan, TimeSpan, Action, string, TimeSpan?, CancellationToken)"/>, returning the block's result.</summary>
    /// <typeparam name="T">The result type.</typeparam>
    /// <param name="min">The least time the block must take.</param>
    /// <param name="max">The deadline (dilated).</param>
    /// <param name="function">The block.</param>
    /// <param name="hint">Added to the failure message.</param>
    /// <param name="epsilonValue">Extra time tolerated beyond the deadline.</param>
    /// <param name="cancellationToken">Cancels the inner waits.</param>
    public T Within<T>(TimeSpan min, TimeSpan max, Func<T> function, string hint = null, TimeSpan? epsilonValue = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(function);
        return WithinAsync(min, max, () => Task.FromResult(function()), hint, epsilonValue, cancellationToken).GetAwaiter().GetResult();
    }

    /// <summary>Async form of <see cref="Within(TimeSpan, Action, TimeSpan?, CancellationToken)"/>.</summary>
    /// <param name="max">The deadline (dilated).</param>
    /// <param name="actionAsync">The block.</param>
    /// <param name="epsilonValue">Extra time tolerated beyond the deadline.</param>
    /// <param name="cancellationToken">Cancels the inner waits.</param>
    public Task WithinAsync(TimeSpan max, Func<Task> actionAsync, TimeSpan? epsilonValue = null, CancellationToken cancellationToken = default) =>
        WithinAsync(TimeSpan.Zero, max, actionAsync, null, epsilonValue, cancellationToken);

    /// <summary>Async form of <see cref="Within(TimeSpan, TimeSpan, Action, string, TimeSpan?, CancellationToken)"/>.</summary>
    /// <param name="min">The least time the block must take.</param>
    /// <param name="max">The deadline (dilated).</param>
    /// <param name="actionAsync">The block.</param>
    /// <param name="hint">Added to the failure message.</param>
    /// <param name="epsilonValue">Extra time tolerated beyond the deadline.</param>
    /// <param name="cancellationToken">Cancels the inner waits.</param>
    public Task WithinAsync(TimeSpan min, TimeSpan max, Func<Task> actionAsync, string hint = null, TimeSpan? epsilonValue = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actionAsync);
        return WithinAsync(min, max, async () => { await actionAsync().ConfigureAwait(false); return true; }, hint, epsilonValue, cancellationToken);
    }

    /// <summary>Async form of <see cref="Within{T}(TimeSpan, Func{T}, TimeSpan?, CancellationToken)"/>.</summary>
    /// <typeparam name="T">The result type.</typeparam>
    /// <param name="max">The deadline (dilated).</param>
    /// <param name="function">The block.</param>
    /// <param name="epsilonValue">Extra time tolerated beyond the deadline.</param>
    /// <param name="cancellationToken">Cancels the inner waits.</param>
    public Task<T> WithinAsync<T>(TimeSpan max, Func<Task<T>> function, TimeSpan? epsilonValue = null, CancellationToken cancellationToken = default) =>
        WithinAsync(TimeSpan.Zero, max, function, null, epsilonValue, cancellationToken);

    /// <summary>Runs <paramref name="function"/> within [<paramref name="min"/>, dilated <paramref name="max"/>], returning its result.</summary>
    /// <typeparam name="T">The result type.</typeparam>
    /// <param name="min">The least time the block must take.</param>
    /// <param name="max">The deadline (dilated).</param>
    /// <param name="function">The block.</param>
    /// <param name="hint">Added to the failure message.</param>
    /// <param name="epsilonValue">Extra time tolerated beyond the deadline.</param>
    /// <param name="cancellationToken">Cancels the inner waits.</param>
    public async Task<T> WithinAsync<T>(TimeSpan min, TimeSpan max, Func<Task<T>> function, string hint = null, TimeSpan? epsilonValue = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(function);
        cancellationToken.ThrowIfCancellationRequested();
        var start = MonotonicClock.Now;
        var outerLeft = _end.HasValue ? _end.Value - start : TimeSpan.MaxValue;
        var maxDiff = Min(Dilated(max), outerLeft);
        var previousEnd = _end;
        _end = start + maxDiff;
        _lastWasNoMsg = false;
        T result;
        try
        {
            result = await function().ConfigureAwait(false);
        }
        finally
        {
            _end = previousEnd;
        }

        var diff = MonotonicClock.Now - start;
        _assertions.AssertTrue(min <= diff, "block took {0}, should at least have been {1} {2}", diff, min, hint ?? "");
        if (!_lastWasNoMsg)
        {
            var epsilon = epsilonValue ?? TimeSpan.Zero;
            _assertions.AssertTrue(diff <= maxDiff + epsilon, "block took {0}, exceeding {1} {2}", diff, maxDiff, hint ?? "");
        }

        return result;
    }
}
