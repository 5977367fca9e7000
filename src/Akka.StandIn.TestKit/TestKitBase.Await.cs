using Akka.TestKit.Internal;

namespace Akka.TestKit;

/// <content>Polling: AwaitAssert, AwaitCondition and AwaitConditionNoThrow.</content>
public abstract partial class TestKitBase
{
    private static readonly TimeSpan DefaultPollInterval = TimeSpan.FromMilliseconds(100);

    /// <summary>Retries <paramref name="assertion"/> every <paramref name="interval"/> until it stops throwing; rethrows its last failure at the deadline.</summary>
    /// <param name="assertion">The assertion.</param>
    /// <param name="duration">The deadline (dilated); null = <see cref="RemainingOrDefault"/>.</param>
    /// <param name="interval">The pause between tries (100 ms by default).</param>
    /// <param name="cancellationToken">Cancels the retries.</param>
    public void AwaitAssert(Action assertion, TimeSpan? duration = null, TimeSpan? interval = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(assertion);
        AwaitAssertAsync(() => { assertion(); return Task.CompletedTask; }, duration, interval, cancellationToken).GetAwaiter().GetResult();
    }

    /// <summary>Async form of <see cref="AwaitAssert"/>.</summary>
    /// <param name="assertion">The assertion.</param>
    /// <param name="duration">The deadline (dilated); null = <see cref="RemainingOrDefault"/>.</param>
    /// <param name="interval">The pause between tries (100 ms by default).</param>
    /// <param name="cancellationToken">Cancels the retries.</param>
    public Task AwaitAssertAsync(Action assertion, TimeSpan? duration = null, TimeSpan? interval = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(assertion);
        return AwaitAssertAsync(() => { assertion(); return Task.CompletedTask; }, duration, interval, cancellationToken);
    }

    /// <summary>Async form of <see cref="AwaitAssert"/> for an asynchronous assertion.</summary>
    /// <param name="assertion">The assertion.</param>
    /// <param name="duration">The deadline (dilated); null = <see cref="RemainingOrDefault"/>.</param>
    /// <param name="interval">The pause between tries (100 ms by default).</param>
    /// <param name="cancellationToken">Cancels the retries.</param>
    public async Task AwaitAssertAsync(Func<Task> assertion, TimeSpan? duration = null, TimeSpan? interval = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(assertion);
        var end = EndAfter(RemainingOrDilated(duration));
        var pause = interval ?? DefaultPollInterval;
        while (true)
        {
            try
            {
                await assertion().ConfigureAwait(false);
                return;
            }
            catch (Exception) when (MonotonicClock.Now < end)
            {
                // Not yet: retry after the interval; at the deadline the exception propagates unfiltered.
            }

            var left = Left(end);
            await Task.Delay(left == Timeout.InfiniteTimeSpan ? pause : Min(pause, left), cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Polls <paramref name="conditionIsFulfilled"/> until true; fails at <see cref="RemainingOrDefault"/>.</summary>
    /// <param name="conditionIsFulfilled">The condition.</param>
    /// <param name="cancellationToken">Cancels the polling.</param>
    public void AwaitCondition(Func<bool> conditionIsFulfilled, CancellationToken cancellationToken = default) =>
        AwaitCondition(conditionIsFulfilled, null, null, null, cancellationToken);

    /// <summary>Polls <paramref name="conditionIsFulfilled"/> until true; fails at the dilated <paramref name="max"/>.</summary>
    /// <param name="conditionIsFulfilled">The condition.</param>
    /// <param name="max">The deadline (dilated); null = <see cref="RemainingOrDefault"/>.</param>
    /// <param name="cancellationToken">Cancels the polling.</param>
    public void AwaitCondition(Func<bool> conditionIsFulfilled, TimeSpan? max, CancellationToken cancellationToken = default) =>
        AwaitCondition(conditionIsFulfilled, max, null, null, cancellationToken);

    /// <summary>Polls <paramref name="conditionIsFulfilled"/> until true; fails with <paramref name="message"/> at the dilated <paramref name="max"/>.</summary>
    /// <param name="conditionIsFulfilled">The condition.</param>
    /// <param name="max">The deadline (dilated); null = <see cref="RemainingOrDefault"/>.</param>
    /// <param name="message">Added to the failure message.</param>
    /// <param name="cancellationToken">Cancels the polling.</param>
    public void AwaitCondition(Func<bool> conditionIsFulfilled, TimeSpan? max, string message, CancellationToken cancellationToken = default) =>
        AwaitCondition(conditionIsFulfilled, max, null, message, cancellationToken);

    /// <summary>Polls <paramref name="conditionIsFulfilled"/> every <paramref name="interval"/> (default max/10) until true; fails at the dilated <paramref name="max"/>.</summary>
    /// <param name="conditionIsFulfilled">The condition.</param>
    /// <param name="max">The deadline (dilated); null = <see cref="RemainingOrDefault"/>.</param>
    /// <param name="interval">The pause between polls.</param>
    /// <param name="message">Added to the failure message.</param>
    /// <param name="cancellationToken">Cancels the polling.</param>
    public void AwaitCondition(Func<bool> conditionIsFulfilled, TimeSpan? max, TimeSpan? interval, string message = null, CancellationToken cancellationToken = default) =>
        AwaitConditionAsync(conditionIsFulfilled, max, interval, message, cancellationToken).GetAwaiter().GetResult();

    /// <summary>Async form of <see cref="AwaitCondition(Func{bool}, CancellationToken)"/>.</summary>
    /// <param name="conditionIsFulfilled">The condition.</param>
    /// <param name="cancellationToken">Cancels the polling.</param>
    public Task AwaitConditionAsync(Func<bool> conditionIsFulfilled, CancellationToken cancellationToken = default) =>
        AwaitConditionAsync(conditionIsFulfilled, null, null, null, cancellationToken);

    /// <summary>Async form of <see cref="AwaitCondition(Func{bool}, CancellationToken)"/> for an asynchronous condition.</summary>
    /// <param name="conditionIsFulfilled">The condition.</param>
    /// <param name="cancellationToken">Cancels the polling.</param>
    public Task AwaitConditionAsync(Func<Task<bool>> conditionIsFulfilled, CancellationToken cancellationToken = default) =>
        AwaitConditionAsync(conditionIsFulfilled, null, null, null, cancellationToken);

    /// <summary>Async form of <see cref="AwaitCondition(Func{bool}, TimeSpan?, CancellationToken)"/> for an asynchronous condition.</summary>
    /// <param name="conditionIsFulfilled">The condition.</param>
    /// <param name="max">The deadline (dilated); null = <see cref="RemainingOrDefault"/>.</param>
    /// <param name="cancellationToken">Cancels the polling.</param>
    public Task AwaitConditionAsync(Func<Task<bool>> conditionIsFulfilled, TimeSpan? max, CancellationToken cancellationToken = default) =>
        AwaitConditionAsync(conditionIsFulfilled, max, null, null, cancellationToken);

    /// <summary>Async form of <see cref="AwaitCondition(Func{bool}, TimeSpan?, string, CancellationToken)"/> for an asynchronous condition.</summary>
    /// <param name="conditionIsFulfilled">The condition.</param>
    /// <param name="max">The deadline (dilated); null = <see cref="RemainingOrDefault"/>.</param>
    /// <param name="message">Added to the failure message.</param>
    /// <param name="cancellationToken">Cancels the polling.</param>
    public Task AwaitConditionAsync(Func<Task<bool>> conditionIsFulfilled, TimeSpan? max, string message, CancellationToken cancellationToken = default) =>
        AwaitConditionAsync(conditionIsFulfilled, max, null, message, cancellationToken);

    /// <summary>Async form of <see cref="AwaitCondition(Func{bool}, TimeSpan?, string, CancellationToken)"/>.</summary>
    /// <param name="conditionIsFulfilled">The condition.</param>
    /// <param name="max">The deadline (dilated); null = <see cref="RemainingOrDefault"/>.</param>
    /// <param name="message">Added to the failure message.</param>
    /// <param name="cancellationToken">Cancels the polling.</param>
    public Task AwaitConditionAsync(Func<bool> conditionIsFulfilled, TimeSpan? max, string message, CancellationToken cancellationToken = default) =>
        AwaitConditionAsync(conditionIsFulfilled, max, null, message, cancellationToken);

    /// <summary>Async form of <see cref="AwaitCondition(Func{bool}, TimeSpan?, TimeSpan?, string, CancellationToken)"/>.</summary>
    /// <param name="conditionIsFulfilled">The condition.</param>
    /// <param name="max">The deadline (dilated); null = <see cref="RemainingOrDefault"/>.</param>
    /// <param name="interval">The pause between polls.</param>
    /// <param name="message">Added to the failure message.</param>
    /// <param name="cancellationToken">Cancels the polling.</param>
    public Task AwaitConditionAsync(Func<bool> conditionIsFulfilled, TimeSpan? max, TimeSpan? interval, string message = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(conditionIsFulfilled);
        return AwaitConditionAsync(() => Task.FromResult(conditionIsFulfilled()), max, interval, message, cancellationToken);
    }

    /// <summary>Async form of <see cref="AwaitCondition(Func{bool}, TimeSpan?, TimeSpan?, string, CancellationToken)"/> for an asynchronous condition.</summary>
    /// <param name="conditionIsFulfilled">The condition.</param>
    /// <param name="max">The deadline (dilated); null = <see cref="RemainingOrDefault"/>.</param>
    /// <param name="interval">The pause between polls.</param>
    /// <param name="message">Added to the failure message.</param>
    /// <param name="cancellationToken">Cancels the polling.</param>
    public async Task AwaitConditionAsync(Func<Task<bool>> conditionIsFulfilled, TimeSpan? max, TimeSpan? interval, string message = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(conditionIsFulfilled);
        var maxValue = RemainingOrDilated(max);
        var pause = interval ?? PollIntervalFor(maxValue);
        if (!await PollAsync(conditionIsFulfilled, maxValue, pause, cancellationToken).ConfigureAwait(false))
            _assertions.Fail("Timeout {0} expired while waiting for condition. {1}", maxValue, message ?? "");
    }

    /// <summary>Polls <paramref name="conditionIsFulfilled"/> until true or the dilated <paramref name="max"/> passes.</summary>
    /// <param name="conditionIsFulfilled">The condition.</param>
    /// <param name="max">The deadline (dilated).</param>
    /// <param name="interval">The pause between polls (100 ms by default).</param>
    /// <param name="cancellationToken">Cancels the polling.</param>
    /// <returns>Whether the condition became true in time.</returns>
    public bool AwaitConditionNoThrow(Func<bool> conditionIsFulfilled, TimeSpan max, TimeSpan? interval = null, CancellationToken cancellationToken = default) =>
        AwaitConditionNoThrowAsync(conditionIsFulfilled, max, interval, cancellationToken).GetAwaiter().GetResult();

    /// <summary>Async form of <see cref="AwaitConditionNoThrow"/>.</summary>
    /// <param name="conditionIsFulfilled">The condition.</param>
    /// <param name="max">The deadline (dilated).</param>
    /// <param name="interval">The pause between polls (100 ms by default).</param>
    /// <param name="cancellationToken">Cancels the polling.</param>
    public Task<bool> AwaitConditionNoThrowAsync(Func<bool> conditionIsFulfilled, TimeSpan max, TimeSpan? interval = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(conditionIsFulfilled);
        return PollAsync(() => Task.FromResult(conditionIsFulfilled()), Dilated(max), interval ?? DefaultPollInterval, cancellationToken);
    }

    /// <summary>Async form of <see cref="AwaitConditionNoThrow"/> for an asynchronous condition.</summary>
    /// <param name="conditionIsFulfilled">The condition.</param>
    /// <param name="max">The deadline (dilated).</param>
    /// <param name="interval">The pause between polls (100 ms by default).</param>
    /// <param name="cancellationToken">Cancels the polling.</param>
    public Task<bool> AwaitConditionNoThrowAsync(Func<Task<bool>> conditionIsFulfilled, TimeSpan max, TimeSpan? interval = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(conditionIsFulfilled);
        return PollAsync(conditionIsFulfilled, Dilated(max), interval ?? DefaultPollInterval, cancellationToken);
    }

    private static TimeSpan PollIntervalFor(TimeSpan max) =>
        max == Timeout.InfiniteTimeSpan ? DefaultPollInterval : Max(TimeSpan.FromTicks(max.Ticks / 10), TimeSpan.FromMilliseconds(1));

    internal static async Task<bool> PollAsync(Func<Task<bool>> condition, TimeSpan max, TimeSpan interval, CancellationToken cancellationToken)
    {
        var end = EndAfter(max);
        while (true)
        {
            if (await condition().ConfigureAwait(false))
                return true;
            var left = Left(end);
            if (left == TimeSpan.Zero)
                return false;
            await Task.Delay(left == Timeout.InfiniteTimeSpan ? interval : Min(interval, left), cancellationToken).ConfigureAwait(false);
        }
    }
}
