using System.Text;

namespace AkkaIpc.Sockets.Tests;

/// <summary>
/// Records a socket's events and (optionally) drains received bytes in DataAvailable; tests wait on it with bounded
/// waits instead of sleeping.
/// </summary>
internal sealed class EventRecorder
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(20);

    private readonly object _lock = new();
    private readonly List<string> _events = [];
    private readonly MemoryStream _received = new();
    private readonly List<IpcSocketException> _errors = [];
    private readonly List<PeerCredentials> _rejected = [];
    private int _concurrent;

    public EventRecorder(IpcSocket socket, bool drain = true)
    {
        Socket = socket;
        socket.Connected += (_, _) => Record("Connected");
        socket.DataAvailable += (_, _) =>
        {
            if (drain)
            {
                var bytes = socket.ReadAll();
                lock (_lock)
                {
                    _received.Write(bytes);
                }
            }

            Record("DataAvailable");
        };
        socket.Error += (_, e) =>
        {
            lock (_lock)
            {
                _errors.Add(e.Exception);
            }

            Record("Error " + (int)e.Exception.ErrorNumber);
        };
        socket.PeerRejected += (_, e) =>
        {
            lock (_lock)
            {
                _rejected.Add(e.Credentials);
            }

            Record("PeerRejected");
        };
    }

    public IpcSocket Socket { get; }

    /// <summary>Set when two handlers of the socket ever ran at the same time.</summary>
    public bool SawConcurrentHandlers { get; private set; }

    /// <summary>The thread ids handlers ran on.</summary>
    public HashSet<int> HandlerThreads { get; } = [];

    public IReadOnlyList<string> Events
    {
        get
        {
            lock (_lock)
            {
                return [.. _events];
            }
        }
    }

    public IReadOnlyList<IpcSocketException> Errors
    {
        get
        {
            lock (_lock)
            {
                return [.. _errors];
            }
        }
    }

    public IReadOnlyList<PeerCredentials> Rejected
    {
        get
        {
            lock (_lock)
            {
                return [.. _rejected];
            }
        }
    }

    public byte[] Received
    {
        get
        {
            lock (_lock)
            {
                return _received.ToArray();
            }
        }
    }

    public string ReceivedText => Encoding.UTF8.GetString(Received);

    public void WaitConnected() => WaitFor(() => _events.Contains("Connected"), "Connected");

    public IpcSocketException WaitError()
    {
        WaitFor(() => _errors.Count > 0, "Error");
        return Errors[0];
    }

    public void WaitReceived(int count) => WaitFor(() => _received.Length >= count, $"{count} bytes received");

    public void WaitText(string text) =>
        WaitFor(() => Encoding.UTF8.GetString(_received.ToArray()).Contains(text, StringComparison.Ordinal), $"text '{text}'");

    public void WaitRejected() => WaitFor(() => _rejected.Count > 0, "PeerRejected");

    /// <summary>Waits (bounded) until <paramref name="condition"/> holds; it is evaluated under the recorder's lock.</summary>
    public void WaitFor(Func<bool> condition, string what)
    {
        var deadline = DateTime.UtcNow + Timeout;
        lock (_lock)
        {
            while (!condition())
            {
                var left = deadline - DateTime.UtcNow;
                if (left <= TimeSpan.Zero)
                {
                    throw new TimeoutException($"no {what} within {Timeout}; events: {string.Join(", ", _events)}");
                }

                Monitor.Wait(_lock, left);
            }
        }
    }

    private void Record(string name)
    {
        if (Interlocked.Increment(ref _concurrent) > 1)
        {
            SawConcurrentHandlers = true;
        }

        lock (_lock)
        {
            HandlerThreads.Add(Environment.CurrentManagedThreadId);
            _events.Add(name);
            Monitor.PulseAll(_lock);
        }

        Interlocked.Decrement(ref _concurrent);
    }
}
