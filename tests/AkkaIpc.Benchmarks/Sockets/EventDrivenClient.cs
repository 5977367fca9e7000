using System.Threading.Tasks.Sources;
using AkkaIpc.Sockets;

namespace AkkaIpc.Benchmarks.Sockets;

/// <summary>
/// Drives an <see cref="IpcSocket"/> through its reference surface: Write out, DataAvailable + Read in.
/// A wait ends when the DataAvailable handler has read the expected number of bytes; the waiter's
/// continuation runs inline on the event thread, as a handler of the reference class would react, and the
/// waits are reusable value-task sources, so a round trip allocates nothing here.
/// </summary>
internal sealed class EventDrivenClient : IValueTaskSource, IDisposable
{
    private readonly IpcSocket _socket;
    private readonly byte[] _scratch = new byte[256 * 1024];
    private readonly SemaphoreSlim _progress = new(0);
    private ManualResetValueTaskSourceCore<bool> _core;
    private int _expected;
    private int _received;
    private IpcSocketException? _error;

    /// <param name="socket">The connected socket.</param>
    /// <param name="waitsForRoom">Whether <see cref="WaitForRoomAsync"/> is used: only then is SendProgress
    /// subscribed, since a socket raises no event nobody listens to (a round trip or an awaited WriteAsync needs none).</param>
    public EventDrivenClient(IpcSocket socket, bool waitsForRoom)
    {
        _socket = socket;
        _core.RunContinuationsAsynchronously = false;
        socket.DataAvailable += OnDataAvailable;
        if (waitsForRoom)
            socket.SendProgress += OnSendProgress;
        socket.Error += OnError;
    }

    /// <summary>
    /// Writes <paramref name="message"/>, then completes when <paramref name="replyBytes"/> have arrived. No Flush:
    /// IpcSocket.Write hands the bytes to the kernel at once when nothing is queued, as here.
    /// </summary>
    public ValueTask SendAndReceiveAsync(ReadOnlySpan<byte> message, int replyBytes)
    {
        var wait = ExpectAsync(replyBytes);
        _socket.Write(message);
        return wait;
    }

    /// <summary>Arms a wait for <paramref name="bytes"/> incoming bytes (arm before writing what provokes them).</summary>
    public ValueTask ExpectAsync(int bytes)
    {
        if (_error is { } e)
            throw e;
        _core.Reset();
        _received = 0;
        Volatile.Write(ref _expected, bytes);
        return new ValueTask(this, _core.Version);
    }

    /// <summary>Waits (on SendProgress) until the send queue has room for <paramref name="bytes"/> more.</summary>
    public ValueTask WaitForRoomAsync(int bytes)
    {
        var limit = _socket.Options.SendQueueLimit - bytes;
        return _socket.BytesLeftToSend <= limit ? ValueTask.CompletedTask : WaitAsync(limit);
    }

    private async ValueTask WaitAsync(int limit)
    {
        while (_socket.BytesLeftToSend > limit)
        {
            if (_error is { } e)
                throw e;
            if (!await _progress.WaitAsync(TimeSpan.FromSeconds(60)).ConfigureAwait(false))
                throw new TimeoutException($"the send queue stayed above {limit} bytes for a minute");
        }
    }

    public void Dispose()
    {
        _socket.DataAvailable -= OnDataAvailable;
        _socket.SendProgress -= OnSendProgress;
        _socket.Error -= OnError;
        _progress.Dispose();
    }

    void IValueTaskSource.GetResult(short token) => _core.GetResult(token);

    ValueTaskSourceStatus IValueTaskSource.GetStatus(short token) => _core.GetStatus(token);

    void IValueTaskSource.OnCompleted(Action<object?> continuation, object? state, short token, ValueTaskSourceOnCompletedFlags flags) =>
        _core.OnCompleted(continuation, state, token, flags);

    private void OnDataAvailable(object? sender, EventArgs e)
    {
        while (true)
        {
            var expected = Volatile.Read(ref _expected);
            var room = expected > 0 ? Math.Min(expected - _received, _scratch.Length) : _scratch.Length;
            var n = _socket.Read(_scratch.AsSpan(0, room));
            if (n == 0)
                return;
            if (expected == 0)
                throw new InvalidOperationException($"{n} bytes arrived that nobody expected");
            _received += n;
            if (_received == expected)
            {
                _expected = 0;
                _core.SetResult(true);   // runs the waiter inline; it may arm the next wait before we loop
            }
        }
    }

    private void OnSendProgress(object? sender, IpcSendProgressEventArgs e) => _progress.Release();

    private void OnError(object? sender, IpcErrorEventArgs e)
    {
        _error = e.Exception;
        if (Volatile.Read(ref _expected) > 0)
            _core.SetException(e.Exception);
        _progress.Release();
    }
}
