using System.Globalization;
using AkkaIpc.Sockets;

namespace AkkaIpc.Node.Hosting;

/// <summary>
/// The words the node prints, taken from the reference sample (<c>Connected</c>,
/// <c>DataAvailable: ...</c>, <c>Error: 102</c>) plus the supervisor's own events.
/// </summary>
internal static class EventText
{
    public const string Connected = "Connected";

    /// <summary>
    /// One <c>DataAvailable:</c> line per line of the received text: the reference prints one entry per
    /// arrival, and splitting at line breaks keeps the output one event per line when a peer's writes arrive
    /// together. A final line break does not make an empty entry; text that is still empty (the bytes ended
    /// inside a character, see <see cref="ReceivedText"/>) makes none at all.
    /// </summary>
    public static IEnumerable<string> DataAvailable(string text)
    {
        if (text.Length == 0)
        {
            return [];
        }

        if (text.EndsWith('\n'))
        {
            text = text[..^1];
        }

        var lines = text.Split('\n');
        return lines.Select(line => "DataAvailable: " + line.TrimEnd('\r'));
    }

    /// <summary><c>Listening: /tmp/x.sock</c>: the listener or server is bound and accepting, so a peer can connect now.</summary>
    public static string Listening(Listening listening) => "Listening: " + listening.Path;

    /// <summary>
    /// <c>PeerRejected: pid 4711, uid 65534, gid 65534</c>: a peer of a uid not allowed connected and was closed at
    /// once; the listener keeps listening.
    /// </summary>
    public static string PeerRejected(PeerRejected rejected) =>
        FormattableString.Invariant($"PeerRejected: pid {rejected.Credentials.Pid}, uid {rejected.Credentials.Uid}, gid {rejected.Credentials.Gid}");

    public static string Error(IpcErrorCode code) => "Error: " + ((int)code).ToString(CultureInfo.InvariantCulture);

    public static string Restarting(Restarting restarting) =>
        FormattableString.Invariant($"Restarting (attempt {restarting.Attempt}, in {(long)restarting.Delay.TotalMilliseconds} ms)");

    /// <summary>
    /// The one stderr line for a socket failure: <c>error 107: path is 142 bytes; the limit is 103: /tmp/...</c>.
    /// The socket layer's messages read <c>"107: cause (path)"</c>, possibly wrapped by the supervisor
    /// (<c>"error 107 is not retried: 107: cause (path)"</c>); the innermost cause is kept, behind any wrapper that
    /// says more (<c>"restart budget spent (…); last error: cause"</c>).
    /// </summary>
    public static string Failure(IpcErrorCode code, string message, string path)
    {
        var number = ((int)code).ToString(CultureInfo.InvariantCulture);
        var cause = message;
        var inner = cause.LastIndexOf(number + ": ", StringComparison.Ordinal);
        if (inner >= 0)
        {
            // A wrapper that says more than "not retried" (say, "restart budget spent …; last error: ") stays in front.
            var wrapper = cause[..inner];
            cause = cause[(inner + number.Length + 2)..];
            if (wrapper.Length > 0 && !wrapper.EndsWith(" is not retried: ", StringComparison.Ordinal))
            {
                cause = wrapper + cause;
            }
        }

        var suffix = $" ({path})";
        if (cause.EndsWith(suffix, StringComparison.Ordinal))
        {
            cause = cause[..^suffix.Length];
        }

        // An empty path would leave the line ending in ": ", which reads like a cut-off message.
        return $"error {number}: {cause}: {(path.Length == 0 ? "\"\"" : path)}";
    }
}
