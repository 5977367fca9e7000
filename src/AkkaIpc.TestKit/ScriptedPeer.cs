using System.Buffers.Binary;
using System.Text;
using Xunit.Sdk;

namespace AkkaIpc.TestKit;

/// <summary>
/// The other end of a link, driven by a spec step by step: <see cref="Send(string)"/> what the protocol's peer would
/// send, <see cref="ExpectFrame"/> or <see cref="ExpectText"/> what it should receive, <see cref="ExpectNothing"/>,
/// then <see cref="Close"/> gracefully or <see cref="Abort"/>. Expectations wait up to a timeout, like TestKit's, and
/// fail the spec with what arrived instead. <see cref="SocketPeer"/> runs in the spec's process; <see cref="ProcessPeer"/>
/// in a process of its own that the spec can SIGKILL.
/// </summary>
public abstract class ScriptedPeer : IDisposable
{
    private readonly object _gate = new();
    private byte[] _buffer = new byte[4096];
    private int _count;
    private bool _ended;
    private string? _error;

    /// <summary>Creates a peer of the given framing.</summary>
    /// <param name="framing">How messages are framed.</param>
    /// <param name="defaultTimeout">How long an expectation waits when the call names no timeout.</param>
    protected ScriptedPeer(PeerFraming framing, TimeSpan defaultTimeout)
    {
        Framing = framing;
        DefaultTimeout = defaultTimeout;
    }

    /// <summary>How this peer frames messages.</summary>
    public PeerFraming Framing { get; }

    /// <summary>How long an expectation waits when the call names no timeout.</summary>
    public TimeSpan DefaultTimeout { get; }

    /// <summary>Sends <paramref name="message"/>: as one frame when length-prefixed, as it is when raw.</summary>
    /// <param name="message">The bytes.</param>
    public void Send(ReadOnlySpan<byte> message)
    {
        if (Framing == PeerFraming.Raw)
        {
            SendRaw(message);
            return;
        }

        var frame = new byte[4 + message.Length];
        BinaryPrimitives.WriteInt32BigEndian(frame, message.Length);
        message.CopyTo(frame.AsSpan(4));
        SendRaw(frame);
    }

    /// <summary>Sends <paramref name="text"/> as UTF-8, framed like <see cref="Send(ReadOnlySpan{byte})"/>.</summary>
    /// <param name="text">The text.</param>
    public void Send(string text) => Send(Encoding.UTF8.GetBytes(text));

    /// <summary>Sends bytes exactly as given, whatever the framing: half a frame, a corrupt header, garbage.</summary>
    /// <param name="bytes">The bytes.</param>
    public void SendRaw(ReadOnlySpan<byte> bytes) => Transmit(bytes);

    /// <summary>
    /// Expects the next message: one whole frame when length-prefixed; when raw, whatever bytes are there (at least one).
    /// </summary>
    /// <param name="timeout">How long to wait, or null for <see cref="DefaultTimeout"/>.</param>
    /// <returns>The payload.</returns>
    public byte[] ExpectFrame(TimeSpan? timeout = null)
    {
        if (Framing == PeerFraming.Raw)
            return Take(available => available > 0 ? available : -1, timeout, "bytes");

        return Take(available =>
        {
            if (available < 4)
                return -1;
            var length = BinaryPrimitives.ReadInt32BigEndian(_buffer);
            return available >= 4 + length ? 4 + length : -1;
        }, timeout, "a frame")[4..];
    }

    /// <summary>Expects exactly <paramref name="count"/> more bytes (raw: across any number of reads).</summary>
    /// <param name="count">How many bytes.</param>
    /// <param name="timeout">How long to wait, or null for <see cref="DefaultTimeout"/>.</param>
    /// <returns>The bytes.</returns>
    public byte[] ExpectBytes(int count, TimeSpan? timeout = null) =>
        Take(available => available >= count ? count : -1, timeout, $"{count} bytes");

    /// <summary>
    /// Expects <paramref name="expected"/>: the next frame when length-prefixed, the next bytes of its UTF-8 length
    /// when raw.
    /// </summary>
    /// <param name="expected">The text.</param>
    /// <param name="timeout">How long to wait, or null for <see cref="DefaultTimeout"/>.</param>
    /// <returns>The text received.</returns>
    public string ExpectText(string expected, TimeSpan? timeout = null)
    {
        var bytes = Framing == PeerFraming.Raw ? ExpectBytes(Encoding.UTF8.GetByteCount(expected), timeout) : ExpectFrame(timeout);
        var text = Encoding.UTF8.GetString(bytes);
        if (text != expected)
            throw new XunitException($"{Describe()}: expected \"{expected}\", received \"{text}\"");
        return text;
    }

    /// <summary>Expects that nothing arrives, and the connection stays up, for <paramref name="duration"/>.</summary>
    /// <param name="duration">How long to watch, or null for 300 ms.</param>
    public void ExpectNothing(TimeSpan? duration = null)
    {
        var deadline = DateTime.UtcNow + (duration ?? TimeSpan.FromMilliseconds(300));
        lock (_gate)
        {
            while (_count == 0 && !_ended && Monitor.Wait(_gate, Remaining(deadline)))
            {
            }

            if (_count > 0)
                throw new XunitException($"{Describe()}: expected nothing, received {_count} bytes");
            if (_ended)
                throw new XunitException($"{Describe()}: expected nothing, the connection ended ({_error ?? "end of stream"})");
        }
    }

    /// <summary>Expects the link to end the connection (end of stream or a reset), with nothing unread before.</summary>
    /// <param name="timeout">How long to wait, or null for <see cref="DefaultTimeout"/>.</param>
    public void ExpectEndOfStream(TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? DefaultTimeout);
        lock (_gate)
        {
            while (!_ended && _count == 0 && Monitor.Wait(_gate, Remaining(deadline)))
            {
            }

            if (_count > 0)
                throw new XunitException($"{Describe()}: expected the end of the stream, {_count} bytes came first");
            if (!_ended)
                throw new XunitException($"{Describe()}: the connection did not end within {timeout ?? DefaultTimeout}");
        }
    }

    /// <summary>Ends the connection in order: the link reads everything sent, then end of stream.</summary>
    public abstract void Close();

    /// <summary>
    /// Ends the connection without reading what is still pending: on a Unix socket the link sees a reset when bytes it
    /// sent were unread, end of stream otherwise.
    /// </summary>
    public abstract void Abort();

    /// <inheritdoc />
    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    /// <summary>Releases the peer's socket or process.</summary>
    /// <param name="disposing">True from <see cref="Dispose()"/>.</param>
    protected virtual void Dispose(bool disposing)
    {
    }

    /// <summary>Hands <paramref name="bytes"/> to the connection.</summary>
    /// <param name="bytes">The bytes, already framed.</param>
    protected abstract void Transmit(ReadOnlySpan<byte> bytes);

    /// <summary>What the peer is, for failure messages.</summary>
    /// <returns>A short description.</returns>
    protected abstract string Describe();

    /// <summary>Bytes arrived from the link.</summary>
    /// <param name="bytes">The bytes.</param>
    protected void Deliver(ReadOnlySpan<byte> bytes)
    {
        lock (_gate)
        {
            if (_count + bytes.Length > _buffer.Length)
                Array.Resize(ref _buffer, Math.Max(_buffer.Length * 2, _count + bytes.Length));
            bytes.CopyTo(_buffer.AsSpan(_count));
            _count += bytes.Length;
            Monitor.PulseAll(_gate);
        }
    }

    /// <summary>The connection ended.</summary>
    /// <param name="error">Why, or null for end of stream.</param>
    protected void End(string? error)
    {
        lock (_gate)
        {
            _ended = true;
            _error ??= error;
            Monitor.PulseAll(_gate);
        }
    }

    private static TimeSpan Remaining(DateTime deadline)
    {
        var left = deadline - DateTime.UtcNow;
        return left > TimeSpan.Zero ? left : TimeSpan.Zero;
    }

    /// <summary>Waits until <paramref name="complete"/> says how many buffered bytes make what is expected.</summary>
    private byte[] Take(Func<int, int> complete, TimeSpan? timeout, string what)
    {
        var wait = timeout ?? DefaultTimeout;
        var deadline = DateTime.UtcNow + wait;
        lock (_gate)
        {
            while (true)
            {
                var take = complete(_count);
                if (take >= 0)
                {
                    var result = _buffer[..take];
                    Buffer.BlockCopy(_buffer, take, _buffer, 0, _count - take);
                    _count -= take;
                    return result;
                }

                if (_ended)
                    throw new XunitException($"{Describe()}: expected {what}, the connection ended ({_error ?? "end of stream"}) with {_count} bytes unread");
                if (!Monitor.Wait(_gate, Remaining(deadline)))
                    throw new XunitException($"{Describe()}: expected {what} within {wait}, have {_count} bytes");
            }
        }
    }
}
