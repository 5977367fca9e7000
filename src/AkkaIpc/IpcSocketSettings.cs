using System.Collections.Immutable;
using System.Globalization;
using Akka.Configuration;
using Akka.Event;
using AkkaIpc.Internal;
using AkkaIpc.Sockets;

namespace AkkaIpc;

/// <summary>
/// Settings of one socket (listener, connector, server and its connections), read from <c>akka.ipc.socket</c>,
/// <c>akka.ipc.backoff</c> and <c>akka.ipc.server</c>. The defaults and limits of every value are documented in
/// hocon/reference.conf, the only place they live. Instances are immutable; the <c>With...</c> methods return
/// validated copies for per-socket overrides.
/// </summary>
public sealed class IpcSocketSettings
{
    private const string Socket = "akka.ipc.socket.";
    private const string Backoff = "akka.ipc.backoff.";
    private const string Server = "akka.ipc.server.";
    private const long OneGiB = 1L << 30;
    private const int FrameHeaderBytes = 4;
    private static readonly TimeSpan OneDay = TimeSpan.FromDays(1);

    private IpcSocketSettings()
    {
    }

    private IpcSocketSettings(IpcSocketSettings other)
    {
        Framing = other.Framing;
        MaxFrameSize = other.MaxFrameSize;
        SendQueueLimit = other.SendQueueLimit;
        ReceiveBufferLimit = other.ReceiveBufferLimit;
        CloseTimeout = other.CloseTimeout;
        MaxPathBytes = other.MaxPathBytes;
        FileMode = other.FileMode;
        AllowedPeerUids = other.AllowedPeerUids;
        AllowAnyPeerUid = other.AllowAnyPeerUid;
        BackoffMin = other.BackoffMin;
        BackoffMax = other.BackoffMax;
        BackoffRandomFactor = other.BackoffRandomFactor;
        MaxRetries = other.MaxRetries;
        RetryWindow = other.RetryWindow;
        HeldWritesLimit = other.HeldWritesLimit;
        RestartLogLevel = other.RestartLogLevel;
        FaultInjector = other.FaultInjector;
        MaxConnections = other.MaxConnections;
        AcceptRetryDelay = other.AcceptRetryDelay;
    }

    /// <summary><c>akka.ipc.socket.framing</c>: how the byte stream is cut into messages.</summary>
    public Framing Framing { get; private init; }

    /// <summary><c>akka.ipc.socket.max-frame-size</c>: largest frame payload in bytes (length-prefixed mode).</summary>
    public int MaxFrameSize { get; private init; }

    /// <summary><c>akka.ipc.socket.send-queue-limit</c>: bytes written but not yet in the kernel.</summary>
    public int SendQueueLimit { get; private init; }

    /// <summary><c>akka.ipc.socket.receive-buffer-limit</c>: bytes received but not yet read.</summary>
    public int ReceiveBufferLimit { get; private init; }

    /// <summary><c>akka.ipc.socket.close-timeout</c>: how long Close waits for queued bytes to reach the kernel.</summary>
    public TimeSpan CloseTimeout { get; private init; }

    /// <summary><c>akka.ipc.socket.max-path-bytes</c>: longest accepted path in UTF-8 bytes.</summary>
    public int MaxPathBytes { get; private init; }

    /// <summary><c>akka.ipc.socket.file-mode</c>: permission bits of a listener's socket file.</summary>
    public UnixFileMode FileMode { get; private init; }

    /// <summary><c>akka.ipc.socket.allowed-peer-uids</c>: peer uids a listener accepts; empty means its own uid only.</summary>
    public ImmutableArray<int> AllowedPeerUids { get; private init; } = ImmutableArray<int>.Empty;

    /// <summary><c>akka.ipc.socket.allow-any-peer-uid</c>: accept peers of any uid.</summary>
    public bool AllowAnyPeerUid { get; private init; }

    /// <summary><c>akka.ipc.backoff.min</c>: delay before the first restart.</summary>
    public TimeSpan BackoffMin { get; private init; }

    /// <summary><c>akka.ipc.backoff.max</c>: cap of the doubling restart delay.</summary>
    public TimeSpan BackoffMax { get; private init; }

    /// <summary><c>akka.ipc.backoff.random-factor</c>: jitter fraction added to each delay (0 to 1).</summary>
    public double BackoffRandomFactor { get; private init; }

    /// <summary><c>akka.ipc.backoff.max-retries</c>: restarts allowed within <see cref="RetryWindow"/>; -1 unlimited.</summary>
    public int MaxRetries { get; private init; }

    /// <summary><c>akka.ipc.backoff.retry-window</c>: the window <see cref="MaxRetries"/> is counted in.</summary>
    public TimeSpan RetryWindow { get; private init; }

    /// <summary>
    /// <c>akka.ipc.backoff.held-writes-limit</c>: bytes of writes a supervised link holds while its socket is down, sent
    /// in order once it connects; 0 (the default) fails such writes at once with 106.
    /// </summary>
    public int HeldWritesLimit { get; private init; }

    /// <summary>
    /// <c>akka.ipc.backoff.log-level</c>: the level of the lines a supervised link logs for each lost connection and
    /// restart, or null (<c>off</c>) for none. Giving up is always logged as an error.
    /// </summary>
    public LogLevel? RestartLogLevel { get; private init; }

    /// <summary>The fault injector the sockets of these settings answer to, or null (the default).</summary>
    public IpcFaultInjector? FaultInjector { get; private init; }

    /// <summary><c>akka.ipc.server.max-connections</c>: connections a server keeps open at once.</summary>
    public int MaxConnections { get; private init; }

    /// <summary><c>akka.ipc.server.accept-retry-delay</c>: pause after accepting failed with 100.</summary>
    public TimeSpan AcceptRetryDelay { get; private init; }

    /// <summary>
    /// Reads the settings from <paramref name="config"/>, with the embedded reference.conf
    /// (<see cref="IpcConfig.Default"/>) as its fallback, and validates every value.
    /// </summary>
    /// <param name="config">A full configuration (the keys are read at their <c>akka.ipc...</c> paths).</param>
    /// <returns>The validated settings.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="config"/> is null.</exception>
    /// <exception cref="ConfigurationException">A value is missing or invalid; the message starts with its full key.</exception>
    public static IpcSocketSettings Create(Config config)
    {
        ArgumentNullException.ThrowIfNull(config);
        var r = new SettingsReader(config.WithFallback(IpcConfig.Default));
        var settings = new IpcSocketSettings
        {
            Framing = ParseFraming(r.String(Socket + "framing")),
            MaxFrameSize = r.ByteSize(Socket + "max-frame-size", 1, OneGiB),
            SendQueueLimit = r.ByteSize(Socket + "send-queue-limit", 1024, OneGiB),
            ReceiveBufferLimit = r.ByteSize(Socket + "receive-buffer-limit", 1024, OneGiB),
            CloseTimeout = r.Duration(Socket + "close-timeout", TimeSpan.FromHours(1)),
            MaxPathBytes = r.Int(Socket + "max-path-bytes", 1, 107),
            FileMode = ParseFileMode(r.String(Socket + "file-mode")),
            AllowedPeerUids = r.IntList(Socket + "allowed-peer-uids", 0).ToImmutableArray(),
            AllowAnyPeerUid = r.Boolean(Socket + "allow-any-peer-uid"),
            BackoffMin = r.Duration(Backoff + "min", OneDay),
            BackoffMax = r.Duration(Backoff + "max", OneDay),
            BackoffRandomFactor = r.Double(Backoff + "random-factor", 0.0, 1.0),
            MaxRetries = r.Int(Backoff + "max-retries", -1, int.MaxValue),
            RetryWindow = r.Duration(Backoff + "retry-window", OneDay),
            HeldWritesLimit = r.ByteSize(Backoff + "held-writes-limit", 0, OneGiB),
            RestartLogLevel = ParseLogLevel(r.String(Backoff + "log-level")),
            MaxConnections = r.Int(Server + "max-connections", 1, 1_000_000),
            AcceptRetryDelay = r.Duration(Server + "accept-retry-delay", TimeSpan.FromHours(1)),
        };
        if (settings.BackoffMax < settings.BackoffMin)
        {
            throw SettingsReader.Fail(Backoff + "max",
                $"must be >= {Backoff}min ({SettingsReader.Format(settings.BackoffMin)}), was {r.String(Backoff + "max")}");
        }

        if (settings.FrameDoesNotFit() is { } problem)
            throw SettingsReader.Fail(Socket + "send-queue-limit", problem);
        return settings;
    }

    /// <summary>Returns a copy with another framing.</summary>
    /// <param name="framing">The framing.</param>
    /// <returns>The copy.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="framing"/> is not a defined value, or it is
    /// length-prefixed and the send queue cannot hold a frame of <see cref="MaxFrameSize"/> with its header.</exception>
    public IpcSocketSettings WithFraming(Framing framing)
    {
        if (!Enum.IsDefined(framing))
            throw new ArgumentOutOfRangeException(nameof(framing), framing, "akka.ipc.socket.framing: unknown framing");
        return new IpcSocketSettings(this) { Framing = framing }.FramesFit(nameof(framing));
    }

    /// <summary>Returns a copy with another maximum frame size.</summary>
    /// <param name="bytes">Largest frame payload in bytes, 1 to 1 GiB.</param>
    /// <returns>The copy.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="bytes"/> is out of range, or (length-prefixed) a frame
    /// of that size with its 4-byte header does not fit in the send queue.</exception>
    public IpcSocketSettings WithMaxFrameSize(int bytes) =>
        new IpcSocketSettings(this) { MaxFrameSize = InRange(bytes, 1, OneGiB, Socket + "max-frame-size", nameof(bytes)) }
            .FramesFit(nameof(bytes));

    /// <summary>Returns a copy with other send-queue and receive-buffer limits.</summary>
    /// <param name="sendQueueLimit">Bytes written but not yet in the kernel, 1 KiB to 1 GiB.</param>
    /// <param name="receiveBufferLimit">Bytes received but not yet read, 1 KiB to 1 GiB.</param>
    /// <returns>The copy.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A limit is out of range, or (length-prefixed) the send queue cannot
    /// hold a frame of <see cref="MaxFrameSize"/> with its 4-byte header.</exception>
    public IpcSocketSettings WithQueueLimits(int sendQueueLimit, int receiveBufferLimit) =>
        new IpcSocketSettings(this)
        {
            SendQueueLimit = InRange(sendQueueLimit, 1024, OneGiB, Socket + "send-queue-limit", nameof(sendQueueLimit)),
            ReceiveBufferLimit = InRange(receiveBufferLimit, 1024, OneGiB, Socket + "receive-buffer-limit", nameof(receiveBufferLimit)),
        }.FramesFit(nameof(sendQueueLimit));

    /// <summary>Returns a copy with another close timeout.</summary>
    /// <param name="timeout">How long Close waits for queued bytes, &gt; 0 and &lt;= 1 hour.</param>
    /// <returns>The copy.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="timeout"/> is out of range.</exception>
    public IpcSocketSettings WithCloseTimeout(TimeSpan timeout)
    {
        if (timeout <= TimeSpan.Zero || timeout > TimeSpan.FromHours(1))
            throw new ArgumentOutOfRangeException(nameof(timeout), timeout, "akka.ipc.socket.close-timeout: must be > 0 and <= 1h");
        return new IpcSocketSettings(this) { CloseTimeout = timeout };
    }

    /// <summary>Returns a copy with another path length limit.</summary>
    /// <param name="bytes">Longest path in UTF-8 bytes, 1 to 107.</param>
    /// <returns>The copy.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="bytes"/> is out of range.</exception>
    public IpcSocketSettings WithMaxPathBytes(int bytes) =>
        new(this) { MaxPathBytes = InRange(bytes, 1, 107, Socket + "max-path-bytes", nameof(bytes)) };

    /// <summary>Returns a copy with another socket file mode.</summary>
    /// <param name="mode">Permission bits (only the 0777 bits are allowed).</param>
    /// <returns>The copy.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="mode"/> has bits outside 0777.</exception>
    public IpcSocketSettings WithFileMode(UnixFileMode mode)
    {
        if (((int)mode & ~0x1FF) != 0)
            throw new ArgumentOutOfRangeException(nameof(mode), mode, "akka.ipc.socket.file-mode: only the 0777 bits are allowed");
        return new IpcSocketSettings(this) { FileMode = mode };
    }

    /// <summary>Returns a copy that admits peers with the given uids (empty: this process's uid only).</summary>
    /// <param name="uids">The allowed uids, each >= 0.</param>
    /// <param name="allowAny">True to admit peers of any uid.</param>
    /// <returns>The copy.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A uid is negative.</exception>
    public IpcSocketSettings WithAllowedPeers(IEnumerable<int> uids, bool allowAny = false)
    {
        ArgumentNullException.ThrowIfNull(uids);
        var list = uids.ToImmutableArray();
        if (list.Any(uid => uid < 0))
            throw new ArgumentOutOfRangeException(nameof(uids), "akka.ipc.socket.allowed-peer-uids: every entry must be >= 0");
        return new IpcSocketSettings(this) { AllowedPeerUids = list, AllowAnyPeerUid = allowAny };
    }

    /// <summary>Returns a copy with another restart backoff.</summary>
    /// <param name="min">Delay before the first restart, &gt; 0.</param>
    /// <param name="max">Cap of the doubling delay, &gt;= <paramref name="min"/>.</param>
    /// <param name="randomFactor">Jitter fraction, 0 to 1.</param>
    /// <param name="maxRetries">Restarts allowed within <paramref name="retryWindow"/>, -1 for unlimited.</param>
    /// <param name="retryWindow">The window the retries are counted in, &gt; 0.</param>
    /// <returns>The copy.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A value is out of range.</exception>
    public IpcSocketSettings WithBackoff(TimeSpan min, TimeSpan max, double randomFactor, int maxRetries, TimeSpan retryWindow)
    {
        if (min <= TimeSpan.Zero || min > OneDay)
            throw new ArgumentOutOfRangeException(nameof(min), min, "akka.ipc.backoff.min: must be > 0 and <= 1 day");
        if (max < min || max > OneDay)
            throw new ArgumentOutOfRangeException(nameof(max), max, "akka.ipc.backoff.max: must be >= min and <= 1 day");
        if (!(randomFactor >= 0.0 && randomFactor <= 1.0))
            throw new ArgumentOutOfRangeException(nameof(randomFactor), randomFactor, "akka.ipc.backoff.random-factor: must be between 0 and 1");
        if (maxRetries < -1)
            throw new ArgumentOutOfRangeException(nameof(maxRetries), maxRetries, "akka.ipc.backoff.max-retries: must be >= -1");
        if (retryWindow <= TimeSpan.Zero || retryWindow > OneDay)
            throw new ArgumentOutOfRangeException(nameof(retryWindow), retryWindow, "akka.ipc.backoff.retry-window: must be > 0 and <= 1 day");
        return new IpcSocketSettings(this)
        {
            BackoffMin = min, BackoffMax = max, BackoffRandomFactor = randomFactor, MaxRetries = maxRetries, RetryWindow = retryWindow,
        };
    }

    /// <summary>
    /// Returns a copy whose supervised links hold up to <paramref name="bytes"/> of writes while their socket is down
    /// (before the first connection and between a loss and the reconnect) and send them in order once it connects.
    /// </summary>
    /// <param name="bytes">The limit, 0 (writes fail at once with 106 while down) to 1 GiB.</param>
    /// <returns>The copy.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="bytes"/> is out of range.</exception>
    public IpcSocketSettings WithHeldWrites(int bytes) =>
        new(this) { HeldWritesLimit = InRange(bytes, 0, OneGiB, Backoff + "held-writes-limit", nameof(bytes)) };

    /// <summary>Returns a copy that logs each lost connection and restart at <paramref name="level"/> (null: not at all).</summary>
    /// <param name="level">The level, or null.</param>
    /// <returns>The copy.</returns>
    public IpcSocketSettings WithRestartLogLevel(LogLevel? level) => new(this) { RestartLogLevel = level };

    /// <summary>
    /// Returns a copy whose sockets answer to <paramref name="injector"/>: it can fail them with a chosen code at a
    /// chosen moment (see <see cref="IpcFaultInjector"/>). For protocol tests and fault drills; null removes it.
    /// </summary>
    /// <param name="injector">The injector, or null.</param>
    /// <returns>The copy.</returns>
    public IpcSocketSettings WithFaultInjector(IpcFaultInjector? injector) => new(this) { FaultInjector = injector };

    /// <summary>Returns a copy with other server limits.</summary>
    /// <param name="maxConnections">Connections kept open at once, 1 to 1,000,000.</param>
    /// <param name="acceptRetryDelay">Pause after accepting failed with 100, &gt; 0 and &lt;= 1 hour.</param>
    /// <returns>The copy.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A value is out of range.</exception>
    public IpcSocketSettings WithServerLimits(int maxConnections, TimeSpan acceptRetryDelay)
    {
        if (acceptRetryDelay <= TimeSpan.Zero || acceptRetryDelay > TimeSpan.FromHours(1))
            throw new ArgumentOutOfRangeException(nameof(acceptRetryDelay), acceptRetryDelay, "akka.ipc.server.accept-retry-delay: must be > 0 and <= 1h");
        return new IpcSocketSettings(this)
        {
            MaxConnections = InRange(maxConnections, 1, 1_000_000, Server + "max-connections", nameof(maxConnections)),
            AcceptRetryDelay = acceptRetryDelay,
        };
    }

    /// <summary>
    /// The socket-layer options these settings stand for (path limit, file mode, allowed peer uids, queue limits),
    /// for code that opens an <see cref="IpcSocket"/> or <see cref="IpcListener"/> itself, such as AkkaIpc.Streams.
    /// </summary>
    /// <param name="keepOpenOnPeerClosed">Sets <see cref="IpcSocketOptions.KeepOpenOnPeerClosed"/> (half-close).</param>
    /// <returns>New options with automatic events.</returns>
    public IpcSocketOptions ToSocketOptions(bool keepOpenOnPeerClosed = false) => new()
    {
        KeepOpenOnPeerClosed = keepOpenOnPeerClosed,
        MaxPathBytes = MaxPathBytes,
        SocketFileMode = FileMode,
        AllowedPeerUids = AllowedPeerUids.IsDefaultOrEmpty ? null : (IReadOnlyCollection<int>)AllowedPeerUids,
        AllowAnyPeerUid = AllowAnyPeerUid,
        SendQueueLimit = SendQueueLimit,
        ReceiveBufferLimit = ReceiveBufferLimit,
        EventMode = IpcEventMode.Automatic,

        // The actors drain queued bytes themselves, without blocking (close-timeout), before they dispose a socket.
        CloseLinger = TimeSpan.Zero,
    };

    /// <summary>
    /// With length-prefixed framing, why a frame of <see cref="MaxFrameSize"/> could not be sent (its header and payload
    /// are queued as one write, which must fit in the send queue); null when it can.
    /// </summary>
    private string? FrameDoesNotFit() =>
        Framing == Framing.LengthPrefixed && (long)MaxFrameSize + FrameHeaderBytes > SendQueueLimit
            ? $"must hold one whole frame, {Socket}max-frame-size ({MaxFrameSize}) plus its {FrameHeaderBytes}-byte header, " +
              $"but is {SendQueueLimit}: raise it or lower max-frame-size"
            : null;

    private IpcSocketSettings FramesFit(string paramName) =>
        FrameDoesNotFit() is { } problem
            ? throw new ArgumentOutOfRangeException(paramName, $"{Socket}send-queue-limit: {problem}")
            : this;

    private static int InRange(int value, long min, long max, string key, string paramName) =>
        value >= min && value <= max
            ? value
            : throw new ArgumentOutOfRangeException(paramName, value, $"{key}: must be between {min} and {max}");

    private static Framing ParseFraming(string raw) => raw.ToUpperInvariant() switch
    {
        "RAW" => Framing.Raw,
        "LENGTH-PREFIXED" => Framing.LengthPrefixed,
        _ => throw SettingsReader.Fail(Socket + "framing", $"must be raw or length-prefixed, was '{raw}'"),
    };

    private static LogLevel? ParseLogLevel(string raw) => raw.ToUpperInvariant() switch
    {
        "OFF" => null,
        "DEBUG" => LogLevel.DebugLevel,
        "INFO" => LogLevel.InfoLevel,
        "WARNING" => LogLevel.WarningLevel,
        "ERROR" => LogLevel.ErrorLevel,
        _ => throw SettingsReader.Fail(Backoff + "log-level", $"must be off, debug, info, warning or error, was '{raw}'"),
    };

    private static UnixFileMode ParseFileMode(string raw)
    {
        var digits = raw.StartsWith("0o", StringComparison.OrdinalIgnoreCase) ? raw[2..] : raw;
        if (digits.Length is 0 or > 4 || digits.Any(c => c is < '0' or > '7'))
            throw SettingsReader.Fail(Socket + "file-mode", $"must be octal permission bits such as \"0600\", was '{raw}'");
        var mode = Convert.ToInt32(digits, 8);
        if (mode > 0x1FF)
            throw SettingsReader.Fail(Socket + "file-mode", $"must be between 0000 and 0777, was '{raw}'");
        return (UnixFileMode)mode;
    }

    /// <inheritdoc />
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"IpcSocketSettings(framing {Framing}, max-frame {MaxFrameSize}, send-queue {SendQueueLimit}, " +
        $"backoff {BackoffMin}..{BackoffMax} x{BackoffRandomFactor} max-retries {MaxRetries} in {RetryWindow})");
}
