using System.Globalization;

namespace AkkaIpc.Remote;

/// <summary>
/// How an Akka address names a socket file: the system at <c>akka.ipc://&lt;system&gt;@&lt;host&gt;:&lt;port&gt;</c>
/// listens on <c>&lt;socket-directory&gt;/&lt;host&gt;-&lt;port&gt;.sock</c>. The system name is not part of the
/// file name (as with TCP, one host and port is one system; Akka's handshake checks the name).
/// </summary>
public static class IpcAddressScheme
{
    /// <summary>The transport's scheme; Akka.Remote prefixes it, so addresses read <c>akka.ipc://...</c>.</summary>
    public const string Scheme = "ipc";

    /// <summary>The socket file of the system at <paramref name="host"/>:<paramref name="port"/> under <paramref name="directory"/>.</summary>
    /// <param name="directory">The socket directory.</param>
    /// <param name="host">The address's host: non-empty, without '/', NUL or whitespace.</param>
    /// <param name="port">The address's port, 1..65535.</param>
    /// <returns>The path, e.g. <c>/tmp/akka-ipc/localhost-2552.sock</c>.</returns>
    /// <exception cref="ArgumentException">The host is not a valid file name part.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The port is outside 1..65535.</exception>
    public static string SocketPath(string directory, string host, int port)
    {
        ArgumentNullException.ThrowIfNull(directory);
        ValidateHost(host, nameof(host));
        if (port is < 1 or > 65535)
            throw new ArgumentOutOfRangeException(nameof(port), port, $"port: must be between 1 and 65535, was {port}");
        return Path.Combine(directory, string.Create(CultureInfo.InvariantCulture, $"{host}-{port}.sock"));
    }

    internal static void ValidateHost(string? host, string name)
    {
        if (HostProblem(host) is { } problem)
            throw new ArgumentException($"{name}: {problem}", name);
    }

    /// <summary>Why <paramref name="host"/> cannot name a socket file, or null when it can.</summary>
    internal static string? HostProblem(string? host) =>
        string.IsNullOrEmpty(host) || host is "." or ".." || host.Any(c => c is '/' or '\0' or ':' or '@' || char.IsWhiteSpace(c))
            ? $"must be a non-empty file name part without '/', ':', '@', NUL or whitespace, was '{host}'"
            : null;
}
