using System.Buffers.Binary;
using System.Net.Sockets;

namespace AkkaIpc.TestKit;

/// <summary>The direction of the bytes a <see cref="LinkProxy"/> fault applies to.</summary>
public enum ProxyDirection
{
    /// <summary>From whoever connected to the proxy to the target it forwards to.</summary>
    ToTarget,

    /// <summary>From the target back to whoever connected to the proxy.</summary>
    ToClient,
}

/// <summary>
/// A man in the middle for fault injection: it listens on one socket path, and forwards each connection to a target
/// path, byte for byte, until told to <see cref="Sever"/> it, half-close it, <see cref="Delay"/> or
/// <see cref="Throttle"/> it, <see cref="Drop"/> bytes, or <see cref="Corrupt"/> a byte or a frame header. Point the
/// link (or the peer) at <see cref="Path"/> instead of the real path. Faults apply to the connections open now and
/// to later ones.
/// </summary>
public sealed class LinkProxy : IDisposable
{
    private readonly Socket _listener;
    private readonly string _target;
    private readonly List<Pair> _pairs = [];
    private readonly object _gate = new();
    private readonly Direction _toTarget = new();
    private readonly Direction _toClient = new();
    private readonly CancellationTokenSource _stop = new();
    private int _connections;

    private LinkProxy(string path, string target, Socket listener)
    {
        Path = path;
        _target = target;
        _listener = listener;
        _ = AcceptLoopAsync();
    }

    /// <summary>The path the proxy listens on.</summary>
    public string Path { get; }

    /// <summary>How many connections the proxy has forwarded so far.</summary>
    public int Connections => Volatile.Read(ref _connections);

    /// <summary>Listens on <paramref name="path"/> and forwards to <paramref name="target"/>.</summary>
    /// <param name="path">Where the proxy listens (must not exist).</param>
    /// <param name="target">Where it forwards each connection.</param>
    /// <returns>The running proxy.</returns>
    public static LinkProxy Start(string path, string target)
    {
        var listener = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        listener.Bind(new UnixDomainSocketEndPoint(path));
        listener.Listen(16);
        return new LinkProxy(path, target, listener);
    }

    /// <summary>Cuts every open connection at once, both ways, as a crash between the two would.</summary>
    public void Sever()
    {
        foreach (var pair in Pairs())
            pair.Dispose();
    }

    /// <summary>Ends one direction of every open connection (end of stream there); the other keeps flowing.</summary>
    /// <param name="direction">Which direction ends.</param>
    public void HalfClose(ProxyDirection direction)
    {
        foreach (var pair in Pairs())
        {
            try
            {
                (direction == ProxyDirection.ToTarget ? pair.Target : pair.Client).Shutdown(SocketShutdown.Send);
            }
            catch (Exception ex) when (ex is SocketException or ObjectDisposedException)
            {
                // Already gone.
            }
        }
    }

    /// <summary>Holds every chunk in <paramref name="direction"/> for <paramref name="delay"/> (zero: no delay).</summary>
    /// <param name="delay">The delay.</param>
    /// <param name="direction">Which direction.</param>
    public void Delay(TimeSpan delay, ProxyDirection direction) => Of(direction).Delay = delay;

    /// <summary>Lets at most <paramref name="bytesPerSecond"/> through in <paramref name="direction"/> (0: no limit).</summary>
    /// <param name="bytesPerSecond">The rate.</param>
    /// <param name="direction">Which direction.</param>
    public void Throttle(int bytesPerSecond, ProxyDirection direction) => Of(direction).BytesPerSecond = bytesPerSecond;

    /// <summary>The next <paramref name="count"/> bytes in <paramref name="direction"/> vanish.</summary>
    /// <param name="count">How many bytes.</param>
    /// <param name="direction">Which direction.</param>
    public void Drop(int count, ProxyDirection direction) => Interlocked.Add(ref Of(direction).DropBytes, count);

    /// <summary>The next byte in <paramref name="direction"/> arrives with its bits flipped.</summary>
    /// <param name="direction">Which direction.</param>
    public void Corrupt(ProxyDirection direction) => Interlocked.Increment(ref Of(direction).CorruptBytes);

    /// <summary>
    /// In a length-prefixed stream, the next frame header in <paramref name="direction"/> announces 2 GiB - 1 bytes:
    /// the receiver must refuse it (108) without trying to read or allocate that much.
    /// </summary>
    /// <param name="direction">Which direction.</param>
    public void CorruptFrameHeader(ProxyDirection direction) => Volatile.Write(ref Of(direction).CorruptHeader, 1);

    /// <inheritdoc />
    public void Dispose()
    {
        _stop.Cancel();
        _listener.Dispose();
        Sever();
        File.Delete(Path);
        _stop.Dispose();
    }

    private Direction Of(ProxyDirection direction) => direction == ProxyDirection.ToTarget ? _toTarget : _toClient;

    private Pair[] Pairs()
    {
        lock (_gate)
            return [.. _pairs];
    }

    private async Task AcceptLoopAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            Socket client;
            try
            {
                client = await _listener.AcceptAsync(_stop.Token).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is SocketException or ObjectDisposedException or OperationCanceledException)
            {
                return;
            }

            var target = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
            try
            {
                await target.ConnectAsync(new UnixDomainSocketEndPoint(_target)).ConfigureAwait(false);
            }
            catch (SocketException)
            {
                // Nothing at the target: the client sees its connection end, as it would connecting there itself.
                target.Dispose();
                client.Dispose();
                continue;
            }

            var pair = new Pair(client, target);
            lock (_gate)
                _pairs.Add(pair);
            Interlocked.Increment(ref _connections);
            _ = PumpAsync(client, target, _toTarget, pair);
            _ = PumpAsync(target, client, _toClient, pair);
        }
    }

    private static async Task PumpAsync(Socket from, Socket to, Direction faults, Pair pair)
    {
        var buffer = new byte[64 * 1024];
        var frames = new FrameCursor();
        try
        {
            int read;
            while ((read = await from.ReceiveAsync(buffer, SocketFlags.None).ConfigureAwait(false)) > 0)
            {
                var chunk = faults.Apply(buffer.AsMemory(0, read), frames);
                if (faults.Delay > TimeSpan.Zero)
                    await Task.Delay(faults.Delay).ConfigureAwait(false);
                if (faults.BytesPerSecond > 0)
                    await Task.Delay(TimeSpan.FromSeconds((double)chunk.Length / faults.BytesPerSecond)).ConfigureAwait(false);
                while (!chunk.IsEmpty)
                    chunk = chunk[await to.SendAsync(chunk, SocketFlags.None).ConfigureAwait(false)..];
            }

            to.Shutdown(SocketShutdown.Send);
        }
        catch (Exception ex) when (ex is SocketException or ObjectDisposedException)
        {
            pair.Dispose();
        }
    }

    private sealed record Pair(Socket Client, Socket Target) : IDisposable
    {
        public void Dispose()
        {
            Client.Dispose();
            Target.Dispose();
        }
    }

    /// <summary>The faults of one direction, set by the spec's thread and read by the pumps.</summary>
    private sealed class Direction
    {
        public int DropBytes;
        public int CorruptBytes;
        public int CorruptHeader;

        public TimeSpan Delay { get; set; }

        public int BytesPerSecond { get; set; }

        public ReadOnlyMemory<byte> Apply(Memory<byte> chunk, FrameCursor frames)
        {
            var drop = Math.Min(Volatile.Read(ref DropBytes), chunk.Length);
            if (drop > 0)
            {
                Interlocked.Add(ref DropBytes, -drop);
                chunk = chunk[drop..];
            }

            var span = chunk.Span;
            for (var i = 0; i < span.Length; i++)
            {
                var corruptHeader = frames.AtHeaderStart && Interlocked.Exchange(ref CorruptHeader, 0) == 1;
                if (corruptHeader)
                    frames.CorruptNextHeader = true;
                span[i] = frames.Pass(span[i]);
                if (Volatile.Read(ref CorruptBytes) > 0 && Interlocked.Decrement(ref CorruptBytes) >= 0)
                    span[i] ^= 0xFF;
            }

            return chunk;
        }
    }

    /// <summary>Where a length-prefixed stream is: in a 4-byte header, or inside a payload.</summary>
    private sealed class FrameCursor
    {
        private static readonly byte[] HugeHeader = [0x7F, 0xFF, 0xFF, 0xFF];
        private readonly byte[] _header = new byte[4];
        private int _headerBytes;
        private long _payloadLeft;

        public bool CorruptNextHeader { get; set; }

        public bool AtHeaderStart => _payloadLeft == 0 && _headerBytes == 0;

        public byte Pass(byte value)
        {
            if (_payloadLeft > 0)
            {
                _payloadLeft--;
                return value;
            }

            _header[_headerBytes] = value;
            var sent = CorruptNextHeader ? HugeHeader[_headerBytes] : value;
            if (++_headerBytes == 4)
            {
                _headerBytes = 0;
                _payloadLeft = BinaryPrimitives.ReadUInt32BigEndian(_header);
                CorruptNextHeader = false;
            }

            return sent;
        }
    }
}
