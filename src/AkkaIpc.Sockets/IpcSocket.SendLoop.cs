using System.Net.Sockets;
using AkkaIpc.Sockets.Internal;

namespace AkkaIpc.Sockets;

// The background send: hands the send queue to the kernel one slice at a time.
public sealed partial class IpcSocket
{
    // One send's size: about a Unix socket's kernel buffer, so SendProgress (and room for writers) comes steadily.
    private const int MaxSendBytes = 256 * 1024;

    // onPool: whether this runs on a thread-pool thread of its own (not inside an application call), so SendProgress
    // handlers may run inline; it becomes true after the first send that completes asynchronously.
    // until: a WriteAsync awaiting this loop; the loop returns once that write has settled and leaves what follows it
    // to a loop on a work item of its own, so the writer's continuation never holds up other writers' bytes.
    private async Task SendLoopAsync(Socket socket, int generation, SendQueue queue, bool onPool, SendSegment? until = null)
    {
        while (true)
        {
            ReadOnlyMemory<byte> chunk;
            lock (_gate)
            {
                if (generation != _generation)
                {
                    StopSending(queue);
                    return;
                }

                if (until is { Settled: true } && queue.PendingCount > 0)
                {
                    ThreadPool.UnsafeQueueUserWorkItem(
                        static state => _ = state.Owner.SendLoopAsync(state.Socket, state.Generation, state.Queue, onPool: true),
                        (Owner: this, Socket: socket, Generation: generation, Queue: queue),
                        preferLocal: false);
                    return;
                }

                if (queue.PendingCount == 0)
                {
                    queue.Sending = false;
                    return;
                }

                chunk = queue.TakeNext(MaxSendBytes);
            }

            // A stream socket's SendAsync completes only when every byte is in the kernel.
            Interlocked.Increment(ref _sendOperations);
            try
            {
                var send = socket.SendAsync(chunk, SocketFlags.None);
                if (!send.IsCompleted)
                {
                    onPool = true;
                }

                await send.ConfigureAwait(false);
            }
            catch (Exception e) when (e is SocketException or ObjectDisposedException)
            {
                // Still marked as sending, so no other loop starts on this queue and Teardown leaves releasing it to us.
                OnSendFailed(generation, e);
                lock (_gate)
                {
                    queue.Abort();
                    StopSending(queue);
                }

                return;
            }

            lock (_gate)
            {
                if (generation == _generation)
                {
                    Interlocked.Add(ref _totalSent, chunk.Length);
                    queue.Complete();
                }
                else
                {
                    // Closed meanwhile: the bytes may be in the kernel, but the counters no longer follow them.
                    queue.Abort();
                }
            }

            OnSent(inlineEvents: onPool);
        }
    }

    /// <summary>The connection ended while this loop ran: now that no send reads the queue, release it; under the gate.</summary>
    private void StopSending(SendQueue queue)
    {
        queue.Sending = false;
        queue.Release(queue.DropReason ?? new IpcSocketException(
            IpcErrorCode.InvalidStateError, "the socket was closed", _path.Length == 0 ? null : _path));
    }
}
