using System.Threading.Channels;

namespace Akka.TestKit.Internal;

/// <summary>
/// The unbounded FIFO the test actor fills and the test thread drains. Waits are bounded by the caller's
/// timeout; a timeout is reported as null, never as an exception.
/// </summary>
internal sealed class TestActorQueue
{
    // CancellationTokenSource.CancelAfter accepts at most int.MaxValue milliseconds.
    private static readonly TimeSpan MaxWait = TimeSpan.FromMilliseconds(int.MaxValue);

    private readonly Channel<MessageEnvelope> _channel = Channel.CreateUnbounded<MessageEnvelope>(
        new UnboundedChannelOptions { SingleReader = false, SingleWriter = false });

    internal int Count => _channel.Reader.Count;

    internal void Enqueue(MessageEnvelope envelope) => _channel.Writer.TryWrite(envelope);

    internal MessageEnvelope TryTakeNow() => _channel.Reader.TryRead(out var envelope) ? envelope : null;

    /// <summary>Takes the head, waiting up to <paramref name="timeout"/> (infinite allowed); null on timeout.</summary>
    internal ValueTask<MessageEnvelope> TryTakeAsync(TimeSpan timeout, CancellationToken cancellationToken) =>
        WaitAsync(timeout, take: true, cancellationToken);

    /// <summary>Looks at the head without removing it, waiting up to <paramref name="timeout"/>; null on timeout.</summary>
    internal ValueTask<MessageEnvelope> TryPeekAsync(TimeSpan timeout, CancellationToken cancellationToken) =>
        WaitAsync(timeout, take: false, cancellationToken);

    private bool TryGet(bool take, out MessageEnvelope envelope) =>
        take ? _channel.Reader.TryRead(out envelope) : _channel.Reader.TryPeek(out envelope);

    private async ValueTask<MessageEnvelope> WaitAsync(TimeSpan timeout, bool take, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (TryGet(take, out var envelope))
            return envelope;
        if (timeout <= TimeSpan.Zero && timeout != Timeout.InfiniteTimeSpan)
            return null;

        using var timeoutSource = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        if (timeout != Timeout.InfiniteTimeSpan)
            timeoutSource.CancelAfter(timeout > MaxWait ? MaxWait : timeout);
        try
        {
            while (await _channel.Reader.WaitToReadAsync(timeoutSource.Token).ConfigureAwait(false))
            {
                if (TryGet(take, out envelope))
                    return envelope;
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // Our own timeout fired: one last look, since a message may have landed just as it did.
            return TryGet(take, out envelope) ? envelope : null;
        }

        return null;
    }
}
