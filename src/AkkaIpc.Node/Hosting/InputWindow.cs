namespace AkkaIpc.Node.Hosting;

/// <summary>
/// The chat's flow control: how many bytes of stdin lines may be read but not yet acknowledged by the socket (in the
/// kernel). The stdin thread enters each line before posting it and blocks while the window is full; the chat leaves
/// the line's bytes when its write is acknowledged. So a fast producer is held back by the peer's pace instead of
/// overflowing the socket's send queue (108), and the lines waiting in the node's memory stay bounded.
/// </summary>
internal sealed class InputWindow
{
    private readonly object _gate = new();
    private readonly long _limit;
    private long _inFlight;

    /// <param name="limit">The window in bytes: at most the socket's send queue limit, so an acknowledged window
    /// never overflows it.</param>
    public InputWindow(long limit)
    {
        _limit = limit;
    }

    /// <summary>Waits until <paramref name="bytes"/> fit in the window (a line alone in it always does), then takes them.</summary>
    public void Enter(long bytes)
    {
        lock (_gate)
        {
            while (_inFlight > 0 && _inFlight + bytes > _limit)
            {
                Monitor.Wait(_gate);
            }

            _inFlight += bytes;
        }
    }

    /// <summary>Gives back the bytes of acknowledged lines.</summary>
    public void Leave(long bytes)
    {
        lock (_gate)
        {
            _inFlight -= bytes;
            Monitor.PulseAll(_gate);
        }
    }
}
