using System.Threading.Channels;

namespace AkkaIpc.Node.Link;

/// <summary>
/// The single queue a command reads: socket events, replies and standard-input lines arrive here in
/// order, so a command is a plain loop over one source and never races with itself.
/// </summary>
internal sealed class EventQueue
{
    private readonly Channel<NodeEvent> _channel =
        Channel.CreateUnbounded<NodeEvent>(new UnboundedChannelOptions { SingleReader = true });

    public ChannelWriter<NodeEvent> Writer => _channel.Writer;

    /// <summary>True when no message waits: a good moment to act on what the messages so far asked for.</summary>
    public bool IsEmpty => !_channel.Reader.TryPeek(out _);

    /// <summary>The next message, or null when <paramref name="deadline"/> passes first.</summary>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public async Task<NodeEvent?> ReceiveAsync(TimeSpan deadline, CancellationToken cancellationToken)
    {
        if (_channel.Reader.TryRead(out var ready))
        {
            return ready;
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(deadline);
        try
        {
            return await _channel.Reader.ReadAsync(timeout.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return null;
        }
    }

    /// <summary>The next message; waits as long as it takes.</summary>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public async Task<NodeEvent> ReceiveAsync(CancellationToken cancellationToken) =>
        await _channel.Reader.ReadAsync(cancellationToken).ConfigureAwait(false);
}
