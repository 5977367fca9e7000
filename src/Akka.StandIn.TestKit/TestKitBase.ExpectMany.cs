using System.Runtime.CompilerServices;

namespace Akka.TestKit;

/// <content>ExpectMsgAnyOf, ExpectMsgAllOf and ExpectNoMsg.</content>
public abstract partial class TestKitBase
{
    /// <summary>Expects the next message to be one of <paramref name="messages"/>, within <see cref="RemainingOrDefault"/>.</summary>
    /// <typeparam name="T">The message type.</typeparam>
    /// <param name="messages">The acceptable messages.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>The received message.</returns>
    public T ExpectMsgAnyOf<T>(IEnumerable<T> messages, CancellationToken cancellationToken = default) =>
        ExpectMsgAnyOfAsync(messages, cancellationToken).AsTask().GetAwaiter().GetResult();

    /// <summary>Async form of <see cref="ExpectMsgAnyOf{T}"/>.</summary>
    /// <typeparam name="T">The message type.</typeparam>
    /// <param name="messages">The acceptable messages.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    public async ValueTask<T> ExpectMsgAnyOfAsync<T>(IEnumerable<T> messages, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(messages);
        var candidates = messages.ToList();
        var max = RemainingOrDefault;
        var envelope = await TakeAsync(max, cancellationToken).ConfigureAwait(false);
        if (envelope == null)
        {
            _assertions.Fail("Timeout ({0}) during ExpectMsgAnyOf waiting for one of {1}", max, string.Join(", ", candidates));
            return default;
        }

        if (envelope.Message is T typed && candidates.Contains(typed))
            return typed;
        _assertions.Fail("ExpectMsgAnyOf found unexpected {0}, expected one of {1}", envelope.Message, string.Join(", ", candidates));
        return default;
    }

    /// <summary>Expects exactly these messages, in any order, within <see cref="RemainingOrDefault"/>.</summary>
    /// <typeparam name="T">The message type.</typeparam>
    /// <param name="messages">The expected messages.</param>
    /// <returns>The received messages in arrival order.</returns>
    public IReadOnlyCollection<T> ExpectMsgAllOf<T>(params T[] messages) => ExpectMsgAllOf((IReadOnlyCollection<T>)messages);

    /// <summary>Expects exactly these messages, in any order, within the dilated <paramref name="max"/>.</summary>
    /// <typeparam name="T">The message type.</typeparam>
    /// <param name="max">The total wait.</param>
    /// <param name="messages">The expected messages.</param>
    /// <returns>The received messages in arrival order.</returns>
    public IReadOnlyCollection<T> ExpectMsgAllOf<T>(TimeSpan max, params T[] messages) => ExpectMsgAllOf(max, (IReadOnlyCollection<T>)messages);

    /// <summary>Expects exactly these messages, in any order, within <see cref="RemainingOrDefault"/>.</summary>
    /// <typeparam name="T">The message type.</typeparam>
    /// <param name="messages">The expected messages.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>The received messages in arrival order.</returns>
    public IReadOnlyCollection<T> ExpectMsgAllOf<T>(IReadOnlyCollection<T> messages, CancellationToken cancellationToken = default) =>
        ExpectMsgAllOfAsync(messages, cancellationToken).ToListAsync(cancellationToken).AsTask().GetAwaiter().GetResult();

    /// <summary>Expects exactly these messages, in any order, within the dilated <paramref name="max"/>.</summary>
    /// <typeparam name="T">The message type.</typeparam>
    /// <param name="max">The total wait.</param>
    /// <param name="messages">The expected messages.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>The received messages in arrival order.</returns>
    public IReadOnlyCollection<T> ExpectMsgAllOf<T>(TimeSpan max, IReadOnlyCollection<T> messages, CancellationToken cancellationToken = default) =>
        ExpectMsgAllOfAsync(max, messages, cancellationToken).ToListAsync(cancellationToken).AsTask().GetAwaiter().GetResult();

    /// <summary>Async form of <see cref="ExpectMsgAllOf{T}(IReadOnlyCollection{T}, CancellationToken)"/>.</summary>
    /// <typeparam name="T">The message type.</typeparam>
    /// <param name="messages">The expected messages.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    public IAsyncEnumerable<T> ExpectMsgAllOfAsync<T>(IReadOnlyCollection<T> messages, CancellationToken cancellationToken = default) =>
        InternalExpectMsgAllOfAsync(RemainingOrDefault, messages, cancellationToken);

    /// <summary>Async form of <see cref="ExpectMsgAllOf{T}(TimeSpan, IReadOnlyCollection{T}, CancellationToken)"/>.</summary>
    /// <typeparam name="T">The message type.</typeparam>
    /// <param name="max">The total wait.</param>
    /// <param name="messages">The expected messages.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    public IAsyncEnumerable<T> ExpectMsgAllOfAsync<T>(TimeSpan max, IReadOnlyCollection<T> messages, CancellationToken cancellationToken = default) =>
        InternalExpectMsgAllOfAsync(Dilated(max), messages, cancellationToken);

    /// <summary>Fails if any message arrives within <see cref="RemainingOrDefault"/> (3 s by default: the whole wait is spent).</summary>
    /// <param name="cancellationToken">Cancels the wait.</param>
    public void ExpectNoMsg(CancellationToken cancellationToken = default) =>
        ExpectNoMsgAsync(cancellationToken).AsTask().GetAwaiter().GetResult();

    /// <summary>Fails if any message arrives within the dilated <paramref name="duration"/>.</summary>
    /// <param name="duration">How long to watch the queue.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    public void ExpectNoMsg(TimeSpan duration, CancellationToken cancellationToken = default) =>
        ExpectNoMsgAsync(duration, cancellationToken).AsTask().GetAwaiter().GetResult();

    /// <summary>Fails if any message arrives within <paramref name="milliseconds"/> (not dilated).</summary>
    /// <param name="milliseconds">How long to watch the queue.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    public void ExpectNoMsg(int milliseconds, CancellationToken cancellationToken = default) =>
        ExpectNoMsgAsync(milliseconds, cancellationToken).AsTask().GetAwaiter().GetResult();

    /// <summary>Async form of <see cref="ExpectNoMsg(CancellationToken)"/>.</summary>
    /// <param name="cancellationToken">Cancels the wait.</param>
    public ValueTask ExpectNoMsgAsync(CancellationToken cancellationToken = default) =>
        InternalExpectNoMsgAsync(RemainingOrDefault, cancellationToken);

    /// <summary>Async form of <see cref="ExpectNoMsg(TimeSpan, CancellationToken)"/>.</summary>
    /// <param name="duration">How long to watch the queue (dilated).</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    public ValueTask ExpectNoMsgAsync(TimeSpan duration, CancellationToken cancellationToken = default) =>
        InternalExpectNoMsgAsync(Dilated(duration), cancellationToken);

    /// <summary>Async form of <see cref="ExpectNoMsg(int, CancellationToken)"/>.</summary>
    /// <param name="milliseconds">How long to watch the queue (not dilated).</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    public ValueTask ExpectNoMsgAsync(int milliseconds, CancellationToken cancellationToken = default) =>
        InternalExpectNoMsgAsync(TimeSpan.FromMilliseconds(milliseconds), cancellationToken);

    private async ValueTask InternalExpectNoMsgAsync(TimeSpan duration, CancellationToken cancellationToken)
    {
        var envelope = await TakeAsync(duration, cancellationToken).ConfigureAwait(false);
        if (envelope != null)
            _assertions.Fail("Expected no messages during the duration {0}, instead we received {1} from {2}", duration, envelope.Message, envelope.Sender);
        _lastWasNoMsg = true;
    }

    private async IAsyncEnumerable<T> InternalExpectMsgAllOfAsync<T>(TimeSpan max, IReadOnlyCollection<T> messages, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(messages);
        var end = EndAfter(max);
        var received = new List<object>(messages.Count);
        for (var i = 0; i < messages.Count; i++)
        {
            var envelope = await TakeAsync(Left(end), cancellationToken).ConfigureAwait(false);
            if (envelope == null)
                break;
            received.Add(envelope.Message);
        }

        var missing = messages.Cast<object>().ToList();
        var unexpected = new List<object>();
        foreach (var message in received)
        {
            var index = missing.FindIndex(m => Equals(m, message));
            if (index >= 0)
                missing.RemoveAt(index);
            else
                unexpected.Add(message);
        }

        if (missing.Count > 0 || unexpected.Count > 0)
        {
            _assertions.Fail(
                "ExpectMsgAllOf within {0}: received {1} of {2} messages. Missing: [{3}]. Unexpected: [{4}]",
                max, received.Count, messages.Count, string.Join(", ", missing), string.Join(", ", unexpected));
        }

        foreach (var message in received)
            yield return (T)message;
    }
}
