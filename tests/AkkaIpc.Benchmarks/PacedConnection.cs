using System.Diagnostics;
using System.Net.Sockets;

namespace AkkaIpc.Benchmarks;

/// <summary>
/// One connection of the sustained phase: at most one ping in flight. A send the pacer offers while a ping is still
/// out is owed, not dropped: it goes the moment the reply lands, and its round trip is counted from when the pacer
/// offered it, so the time it waited for the late reply is charged to the server (no coordinated omission). A send
/// that finds the connection free is timed from when it actually went out, so a late wake-up of the pacer (the
/// client's own delay) is not charged.
/// </summary>
internal sealed class PacedConnection
{
    private readonly Socket _socket;
    private readonly LatencyRecorder _recorder;
    private readonly SlowRoundTrips _slow;
    private readonly PingBuffers _buffers = new();
    private readonly Lock _gate = new();
    private readonly Queue<(long OfferedAt, bool Measured)> _owed = new();
    private bool _inFlight;

    public PacedConnection(Socket socket, LatencyRecorder recorder, SlowRoundTrips slow)
    {
        _socket = socket;
        _recorder = recorder;
        _slow = slow;
    }

    /// <summary>
    /// The pings of this connection since the last one found it free; faults surface here. Set by the pacer only,
    /// and a chain it replaces had already ended (it frees the connection as its last act).
    /// </summary>
    public Task Chain { get; private set; } = Task.CompletedTask;

    /// <summary>Called by the pacer when a send is due. Returns whether it had to wait for a late reply.</summary>
    public bool Offer(long offeredAt, bool measured)
    {
        lock (_gate)
        {
            if (_inFlight)
            {
                _owed.Enqueue((offeredAt, measured));
                return true;
            }

            _inFlight = true;
        }

        // Runs on the pacer's thread up to the first wait for a reply: the send itself and arming the receive.
        Chain = PingAsync(heldUpSince: null, measured);
        return false;
    }

    private async Task PingAsync(long? heldUpSince, bool measured)
    {
        while (true)
        {
            var sentAt = Stopwatch.GetTimestamp();
            _buffers.Send(_socket);
            await _buffers.ReceiveReplyAsync(_socket).ConfigureAwait(false);
            if (measured)
            {
                var start = heldUpSince ?? sentAt;
                var ticks = Stopwatch.GetTimestamp() - start;
                _recorder.RecordConcurrently(ticks);
                _slow.Offer(start, ticks);
            }

            lock (_gate)
            {
                if (!_owed.TryDequeue(out var next))
                {
                    _inFlight = false;
                    return;
                }

                (heldUpSince, measured) = next;
            }
        }
    }
}
