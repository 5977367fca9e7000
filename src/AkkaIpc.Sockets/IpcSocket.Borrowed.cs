using System.Buffers;
using System.Net.Sockets;
using AkkaIpc.Sockets.Internal;

namespace AkkaIpc.Sockets;

// Writes sent from the writer's own memory, without copying: WriteAsync of large buffers, and immutable bytes.
public sealed partial class IpcSocket
{
    /// <summary>
    /// Writes at least this long are sent from the writer's memory; shorter ones are copied, because a copy costs less
    /// than a send of their own and lets them coalesce with their neighbours.
    /// </summary>
    internal const int BorrowThreshold = 16 * 1024;

    /// <summary>
    /// For the actor layer: queues <paramref name="header"/> then <paramref name="body"/> exactly like one
    /// <see cref="Write(ReadOnlySpan{byte})"/> of both (106 and 108 as there, checked on the total, so a failure queues
    /// nothing), but sends a body of at least <see cref="BorrowThreshold"/> bytes from its own memory instead of
    /// copying it. Nothing may ever change the body's bytes (an <c>ImmutableArray</c>'s): the socket keeps a reference
    /// until they are in the kernel or the connection ends. Allocates no task; completion shows in
    /// <see cref="TotalBytesSent"/> and <see cref="SendProgress"/> as for Write.
    /// </summary>
    /// <param name="header">Bytes copied in front of the body (e.g. a frame's length); may be empty.</param>
    /// <param name="body">Bytes that nobody changes, ever.</param>
    /// <exception cref="IpcSocketException">106 when not connected; 108 over the send queue limit.</exception>
    internal void WriteImmutable(ReadOnlySpan<byte> header, ReadOnlyMemory<byte> body)
    {
        if (body.Length >= BorrowThreshold)
        {
            var (queue, _, start) = EnqueueBorrowed(header, body);
            if (start is { } idle)
            {
                _ = SendLoopAsync(idle.Socket, idle.Generation, queue, onPool: false);
            }

            return;
        }

        if (header.IsEmpty)
        {
            Write(body.Span);
            return;
        }

        var total = header.Length + body.Length;
        var rented = ArrayPool<byte>.Shared.Rent(total);
        try
        {
            header.CopyTo(rented);
            body.Span.CopyTo(rented.AsSpan(header.Length));
            Write(rented.AsSpan(0, total));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }

    private ValueTask WriteBorrowedAsync(ReadOnlyMemory<byte> data, CancellationToken cancellationToken)
    {
        var (queue, segment, start) = EnqueueBorrowed(default, data);
        if (start is { } idle && !cancellationToken.CanBeCanceled)
        {
            // On an idle socket the writer's own call drives the send, and its task completes on the thread that saw
            // the send complete, like Socket.SendAsync: no extra hop per write. A cancellable write takes the path
            // below, so its cancellation need not wait for a send.
            var loop = SendLoopAsync(idle.Socket, idle.Generation, queue, onPool: false, until: segment);
            return loop.IsCompletedSuccessfully ? Outcome(segment) : AwaitOwnSendAsync(loop, segment);
        }

        if (start is { } other)
        {
            _ = SendLoopAsync(other.Socket, other.Generation, queue, onPool: false);
        }

        TaskCompletionSource waiter;
        lock (_gate)
        {
            // When the send ran inline and the kernel took everything, no task is needed.
            if (segment.Settled)
            {
                return Outcome(segment);
            }

            segment.Token = cancellationToken;
            segment.Waiter = waiter = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        if (cancellationToken.CanBeCanceled)
        {
            var registration = cancellationToken.UnsafeRegister(
                static (state, _) =>
                {
                    var (owner, queue, segment) = ((IpcSocket, SendQueue, SendSegment))state!;
                    owner.CancelBorrowed(queue, segment);
                },
                (this, queue, segment));
            lock (_gate)
            {
                if (segment.Settled)
                {
                    registration.Unregister();
                }
                else
                {
                    segment.Cancellation = registration;
                }
            }
        }

        return new ValueTask(waiter.Task);
    }

    /// <summary>The send loop returns only once <paramref name="segment"/> has settled.</summary>
    private static async ValueTask AwaitOwnSendAsync(Task loop, SendSegment segment)
    {
        await loop.ConfigureAwait(false);
        if (segment.Failure is { } failure)
        {
            throw failure;
        }
    }

    /// <summary>
    /// Links <paramref name="body"/> into the send queue (after a copy of <paramref name="header"/>). When no send loop
    /// runs, the queue is marked as sending and the caller must start one with the returned socket and generation.
    /// </summary>
    private (SendQueue Queue, SendSegment Segment, (Socket Socket, int Generation)? Start) EnqueueBorrowed(
        ReadOnlySpan<byte> header, ReadOnlyMemory<byte> body)
    {
        lock (_gate)
        {
            var socket = ThrowIfCannotQueue(header.Length + body.Length);
            var queue = _send;
            Interlocked.Add(ref _totalQueued, header.Length + body.Length);
            if (!header.IsEmpty)
            {
                queue.Append(header);
            }

            var segment = queue.AppendBorrowed(body);

            // A scheduled background flush finds the new loop running and leaves the bytes to it.
            var start = queue.Sending ? ((Socket, int)?)null : (socket, _generation);
            queue.Sending = true;
            return (queue, segment, start);
        }
    }

    /// <summary>
    /// The writer cancelled: the unsent rest is copied (now, or when the send reading it returns) and the write settles as
    /// cancelled. A dropped queue has settled its segments already, or settles them when its last send returns.
    /// </summary>
    private void CancelBorrowed(SendQueue queue, SendSegment segment)
    {
        lock (_gate)
        {
            queue.Cancel(segment);
        }
    }

    private static ValueTask Outcome(SendSegment segment) => segment.Failure switch
    {
        null => ValueTask.CompletedTask,
        OperationCanceledException => ValueTask.FromCanceled(segment.Token),
        var failure => ValueTask.FromException(failure),
    };
}
