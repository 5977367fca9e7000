using System.Globalization;
using System.Text;
using Akka.Hosting;

namespace AkkaIpc.Hosting.Internal;

/// <summary>
/// The one table of which <see cref="IpcOptions"/> property is which <c>akka.ipc</c> key, used both to turn options into
/// HOCON and to read the same names from <c>IConfiguration</c>. Values are checked by AkkaIpc's own settings reader
/// (with the key's path in the message), never here, so no limit is written twice.
/// </summary>
internal static class IpcOptionKeys
{
    public static readonly IReadOnlyList<(string Name, string Key, Func<IpcOptions, string?> Value)> All =
    [
        (nameof(IpcOptions.Framing), "socket.framing", o => o.Framing switch
        {
            null => null,
            AkkaIpc.Framing.LengthPrefixed => "length-prefixed",
            var f => f.Value.ToString().ToLowerInvariant(),
        }),
        (nameof(IpcOptions.MaxFrameSize), "socket.max-frame-size", o => Number(o.MaxFrameSize)),
        (nameof(IpcOptions.SendQueueLimit), "socket.send-queue-limit", o => Number(o.SendQueueLimit)),
        (nameof(IpcOptions.ReceiveBufferLimit), "socket.receive-buffer-limit", o => Number(o.ReceiveBufferLimit)),
        (nameof(IpcOptions.CloseTimeout), "socket.close-timeout", o => Duration(o.CloseTimeout)),
        (nameof(IpcOptions.MaxPathBytes), "socket.max-path-bytes", o => Number(o.MaxPathBytes)),
        (nameof(IpcOptions.FileMode), "socket.file-mode",
            o => o.FileMode is { } m ? Quote(Convert.ToString((int)m, 8).PadLeft(4, '0')) : null),
        (nameof(IpcOptions.AllowedPeerUids), "socket.allowed-peer-uids",
            o => o.AllowedPeerUids is { } uids ? "[" + string.Join(", ", uids.Select(u => Number(u))) + "]" : null),
        (nameof(IpcOptions.AllowAnyPeerUid), "socket.allow-any-peer-uid", o => o.AllowAnyPeerUid?.ToHocon()),
        (nameof(IpcOptions.BackoffMin), "backoff.min", o => Duration(o.BackoffMin)),
        (nameof(IpcOptions.BackoffMax), "backoff.max", o => Duration(o.BackoffMax)),
        (nameof(IpcOptions.BackoffRandomFactor), "backoff.random-factor",
            o => o.BackoffRandomFactor?.ToString("R", CultureInfo.InvariantCulture)),
        (nameof(IpcOptions.MaxRetries), "backoff.max-retries", o => Number(o.MaxRetries)),
        (nameof(IpcOptions.RetryWindow), "backoff.retry-window", o => Duration(o.RetryWindow)),
        (nameof(IpcOptions.MaxConnections), "server.max-connections", o => Number(o.MaxConnections)),
        (nameof(IpcOptions.AcceptRetryDelay), "server.accept-retry-delay", o => Duration(o.AcceptRetryDelay)),
    ];

    public const string Root = "akka.ipc.";

    /// <summary>One <c>akka.ipc.… = value</c> line per option that is set.</summary>
    public static string ToHocon(IpcOptions options)
    {
        var hocon = new StringBuilder();
        foreach (var (_, key, value) in All)
        {
            if (value(options) is { } v)
                hocon.Append(Root).Append(key).Append(" = ").Append(v).Append('\n');
        }

        return hocon.ToString();
    }

    /// <summary>A HOCON quoted string: configuration text is passed on as written ("5s", "4MiB", "length-prefixed").</summary>
    public static string Quote(string text) =>
        "\"" + text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";

    private static string? Number(int? value) => value?.ToString(CultureInfo.InvariantCulture);

    // Microseconds keep sub-millisecond values that a whole-millisecond rendering would round away.
    private static string? Duration(TimeSpan? value) =>
        value is { } t ? (t.Ticks / 10).ToString(CultureInfo.InvariantCulture) + "micros" : null;
}
