using System.Net.Sockets;
using AkkaIpc.Sockets.Internal;

namespace AkkaIpc.Sockets;

// Waiting for written bytes to reach the kernel: WriteAsync, FlushAsync and SendProgress.
public sealed partial class IpcSocket
{
    private readonly Queue<(long End, TaskCompletionSource Done)> _sendWaiters = new();

    /// <summary>
    /// Writes <paramref name="data"/> and completes when all of it is in the kernel. Like <see cref="Socket.SendAsync(ReadOnlyMemory{byte}, SocketFlags, CancellationToken)"/>,
    /// the bytes of a write of 16 KiB or more are sent from <paramref name="data"/> itself, without a copy: leave it
    /// unchanged until the task completes. Once it has completed, in any way (sent, closed, connection lost, cancelled),
    /// the socket never touches <paramref name="data"/> again. Shorter writes are copied, as by
    /// <see cref="Write(ReadOnlySpan{byte})"/>. Bytes keep their order with every other Write, WriteAsync and Flush.
    /// </summary>
    /// <param name="data">The bytes to send.</param>
    /// <param name="cancellationToken">Cancels the wait only: bytes not yet in the kernel stay queued (copied into the
    /// socket's own memory before the task completes as cancelled) and are sent in order.</param>
    /// <returns>A task that completes once the bytes are in the kernel.</returns>
    /// <exception cref="IpcSocketException">106 when not connected or closed before the bytes were sent; 108 over the
    /// send queue limit (thrown by the call; nothing is queued); 102 when the connection is lost first.</exception>
    /// <exception cref="OperationCanceledException">The token was cancelled.</exception>
    public ValueTask WriteAsync(ReadOnlyMemory<byte> data, CancellationToken cancellationToken = default)
    {
        if (data.Length >= BorrowThreshold && !cancellationToken.IsCancellationRequested)
        {
            return WriteBorrowedAsync(data, cancellationToken);
        }

        Write(data.Span);
        return WaitUntilSent(cancellationToken);
    }

    /// <summary>Completes when every byte queued so far is in the kernel.</summary>
    /// <param name="cancellationToken">Cancels the wait only.</param>
    /// <returns>A task that completes once the queue is empty.</returns>
    /// <exception cref="IpcSocketException">106 when not connected or closed first; 102 when the connection is lost first.</exception>
    /// <exception cref="OperationCanceledException">The token was cancelled.</exception>
    public ValueTask FlushAsync(CancellationToken cancellationToken = default)
    {
        Flush();
        return WaitUntilSent(cancellationToken);
    }

    private ValueTask WaitUntilSent(CancellationToken cancellationToken)
    {
        TaskCompletionSource done;
        lock (_gate)
        {
            if (LeftToSend == 0)
            {
                return ValueTask.CompletedTask;
            }

            done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _sendWaiters.Enqueue((_totalQueued, done));
        }

        return new ValueTask(cancellationToken.CanBeCanceled ? done.Task.WaitAsync(cancellationToken) : done.Task);
    }

    /// <summary>Completes the waiters whose bytes are now in the kernel and raises SendProgress.</summary>
    private void OnSent(bool inlineEvents)
    {
        List<TaskCompletionSource>? completed = null;
        lock (_gate)
        {
            while (_sendWaiters.TryPeek(out var waiter) && waiter.End <= _totalSent)
            {
                _sendWaiters.Dequeue();
                (completed ??= []).Add(waiter.Done);
            }
        }

        if (completed is not null)
        {
            foreach (var done in completed)
            {
                done.TrySetResult();
            }
        }

        if (SendProgress is not null)
        {
            _events.Post(new PendingEvent(PendingEventKind.SendProgress), inlineEvents);
        }
    }
}
