namespace AkkaIpc.Sockets.Internal;

/// <summary>
/// One run of bytes in a <see cref="SendQueue"/>: either a pooled array the queue owns (span writes are copied into
/// it and coalesce) or memory borrowed from the writer, sent in place. A borrowed segment is <i>settled</i> once the
/// socket will never touch its memory again: all of it in the kernel, dropped by a close or a lost connection, or
/// copied into an owned array after a cancellation. Not thread-safe: the socket's gate guards every field.
/// </summary>
internal sealed class SendSegment
{
    /// <summary>The pooled array this segment owns, or <see langword="null"/> for borrowed memory.</summary>
    internal byte[]? Owned { get; set; }

    /// <summary>The writer's memory (only while <see cref="Owned"/> is null).</summary>
    internal ReadOnlyMemory<byte> Borrowed { get; set; }

    /// <summary>The segment's bytes: <c>[0, Count)</c>; owned segments at the queue's tail may still grow.</summary>
    internal int Count { get; set; }

    /// <summary>Bytes of this segment already in the kernel.</summary>
    internal int Offset { get; set; }

    internal SendSegment? Next { get; set; }

    /// <summary>Set by a cancellation that found this segment's bytes in a send; the send loop copies the rest afterwards.</summary>
    internal bool CancelRequested { get; set; }

    /// <summary>Whether the outcome is decided (a borrowed segment's memory is no longer used).</summary>
    internal bool Settled { get; private set; }

    /// <summary>Why the bytes were not sent; <see langword="null"/> when they were (or while not settled).</summary>
    internal Exception? Failure { get; private set; }

    /// <summary>The writer's wait, attached only when the write did not settle inside its own call.</summary>
    internal TaskCompletionSource? Waiter { get; set; }

    /// <summary>The writer's token; a cancellation settles the segment with it.</summary>
    internal CancellationToken Token { get; set; }

    internal CancellationTokenRegistration Cancellation { get; set; }

    internal ReadOnlyMemory<byte> Memory => Owned is { } array ? array.AsMemory(0, Count) : Borrowed;

    /// <summary>Decides the outcome once and completes the writer's wait, if any (its continuations run asynchronously).</summary>
    internal void Settle(Exception? failure)
    {
        if (Settled)
        {
            return;
        }

        Settled = true;
        Failure = failure;
        Cancellation.Unregister();
        switch (failure)
        {
            case null:
                Waiter?.TrySetResult();
                break;
            case OperationCanceledException:
                Waiter?.TrySetCanceled(Token);
                break;
            default:
                Waiter?.TrySetException(failure);
                break;
        }
    }
}
