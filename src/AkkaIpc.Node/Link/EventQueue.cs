using System.Threading.Channels;

namespace AkkaIpc.Node.Link;

/// <summary>
/// The single queue a command reads: socket events, replies and standard-input lines arrive here in
/// order, so a command is a plain loop over one source and never races with itself.
/// <para>
/// The queue is bounded twice: at <see cref="Capacity"/> events, and at <see cref="ByteBudget"/> bytes of received
/// data (counted until the command comes back for the next event, so the event it is working on counts too). A writer
/// that finds no room waits in <see cref="Post"/>; so a command that is slow to act (a slow standard output) slows
/// whatever feeds it, down to the peer's socket, instead of growing the heap.
/// </para>
/// </summary>
internal sealed class EventQueue
{
    /// <summary>How many events wait for the command at most.</summary>
    public const int Capacity = 64;

    /// <summary>How many bytes of received data wait for the command at most (one larger event is always let in).</summary>
    public const long ByteBudget = 1 << 20;

    private readonly Channel<NodeEvent> _channel = Channel.CreateBounded<NodeEvent>(
        new BoundedChannelOptions(Capacity) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });

    private readonly object _gate = new();   // Monitor.Wait/PulseAll: not a System.Threading.Lock
    private long _bytes;
    private long _current;

    /// <summary>True when no message waits: a good moment to act on what the messages so far asked for.</summary>
    public bool IsEmpty => !_channel.Reader.TryPeek(out _);

    /// <summary>
    /// Adds <paramref name="message"/>, blocking the calling thread while there is no room. Callers are threads whose
    /// blocking is the point: the stdin reader, a peer's output reader, the node's subscriber actor on Akka's
    /// blocking-I/O dispatcher.
    /// </summary>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled while waiting.</exception>
    public void Post(NodeEvent message, CancellationToken cancellationToken = default)
    {
        Reserve(WeightOf(message), cancellationToken);
        if (!_channel.Writer.TryWrite(message))
        {
            _channel.Writer.WriteAsync(message, cancellationToken).AsTask().GetAwaiter().GetResult();
        }
    }

    /// <summary>Adds an event that carries no received data, waiting asynchronously while the queue is full.</summary>
    public ValueTask PostAsync(NodeEvent message) => _channel.Writer.WriteAsync(message);

    /// <summary>The next message, or null when <paramref name="deadline"/> passes first.</summary>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public async Task<NodeEvent?> ReceiveAsync(TimeSpan deadline, CancellationToken cancellationToken)
    {
        Done();
        if (_channel.Reader.TryRead(out var ready))
        {
            return Taken(ready);
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(deadline);
        try
        {
            return Taken(await _channel.Reader.ReadAsync(timeout.Token).ConfigureAwait(false));
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return null;
        }
    }

    /// <summary>The next message; waits as long as it takes.</summary>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public async Task<NodeEvent> ReceiveAsync(CancellationToken cancellationToken)
    {
        Done();
        return Taken(await _channel.Reader.ReadAsync(cancellationToken).ConfigureAwait(false));
    }

    private static long WeightOf(NodeEvent message) => message.Message is Received received ? received.Data.Length : 0;

    private void Reserve(long weight, CancellationToken cancellationToken)
    {
        if (weight == 0)
        {
            return;
        }

        lock (_gate)
        {
            if (HasRoom(weight))
            {
                _bytes += weight;
                return;
            }
        }

        // No room: wait, and let a cancellation wake the wait (registered only now, off the common path).
        using var wake = cancellationToken.Register(() =>
        {
            lock (_gate)
            {
                Monitor.PulseAll(_gate);
            }
        });
        lock (_gate)
        {
            while (!HasRoom(weight))
            {
                cancellationToken.ThrowIfCancellationRequested();
                Monitor.Wait(_gate);
            }

            _bytes += weight;
        }
    }

    // Called under the gate. An event larger than the whole budget still gets in once nothing else waits.
    private bool HasRoom(long weight) => _bytes == 0 || _bytes + weight <= ByteBudget;

    // The command is back for the next event: the one it worked on is done, its bytes leave the budget.
    private void Done()
    {
        if (_current == 0)
        {
            return;
        }

        lock (_gate)
        {
            _bytes -= _current;
            Monitor.PulseAll(_gate);
        }

        _current = 0;
    }

    private NodeEvent Taken(NodeEvent message)
    {
        _current = WeightOf(message);
        return message;
    }
}
