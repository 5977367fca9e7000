using System.Collections.Immutable;
using Akka.Configuration;
using AkkaIpc.Internal;
using AkkaIpc.Sockets;

namespace AkkaIpc.Remote;

/// <summary>The validated <c>akka.remote.ipc</c> block (see hocon/remote.conf for each key's meaning and limits).</summary>
public sealed record IpcTransportSettings
{
    private const string Block = "akka.remote.ipc.";
    private const long OneGiB = 1L << 30;

    /// <summary><c>socket-directory</c>, resolved: where every system's socket file lives.</summary>
    public required string SocketDirectory { get; init; }

    /// <summary><c>hostname</c>: the host part of this system's address.</summary>
    public required string Hostname { get; init; }

    /// <summary><c>port</c>: the port part of this system's address; 0 picks a free one.</summary>
    public required int Port { get; init; }

    /// <summary><c>maximum-frame-size</c>: the largest payload sent or accepted, in bytes.</summary>
    public required int MaximumFrameSize { get; init; }

    /// <summary><c>send-queue-limit</c>: bytes written but not yet in the kernel, per association.</summary>
    public required int SendQueueLimit { get; init; }

    /// <summary><c>file-mode</c>: permission bits of the socket file.</summary>
    public required UnixFileMode FileMode { get; init; }

    /// <summary><c>allowed-peer-uids</c>: uids admitted besides this process's own.</summary>
    public required ImmutableArray<int> AllowedPeerUids { get; init; }

    /// <summary><c>allow-any-peer-uid</c>: admit peers of any uid.</summary>
    public required bool AllowAnyPeerUid { get; init; }

    /// <summary>
    /// Reads the transport block Akka.Remote hands the transport, with the embedded block of
    /// <see cref="IpcRemoteConfig.Default"/> as its fallback, and validates every value.
    /// </summary>
    /// <param name="block">The transport's block (keys relative to <c>akka.remote.ipc</c>).</param>
    /// <returns>The validated settings.</returns>
    /// <exception cref="ConfigurationException">A value is invalid; the message starts with its full key.</exception>
    public static IpcTransportSettings Create(Config block)
    {
        ArgumentNullException.ThrowIfNull(block);
        var r = new SettingsReader(
            block.WithFallback(IpcRemoteConfig.Default.GetConfig("akka.remote.ipc")));
        try
        {
            var directory = r.String("socket-directory");
            var settings = new IpcTransportSettings
            {
                SocketDirectory = directory.Length == 0 ? System.IO.Path.Combine(System.IO.Path.GetTempPath(), "akka-ipc") : directory,
                Hostname = r.String("hostname"),
                Port = r.Int("port", 0, 65535),
                MaximumFrameSize = r.ByteSize("maximum-frame-size", 1024, OneGiB),
                SendQueueLimit = r.ByteSize("send-queue-limit", 64 * 1024, OneGiB),
                FileMode = ParseFileMode(r.String("file-mode")),
                AllowedPeerUids = [.. r.IntList("allowed-peer-uids", 0)],
                AllowAnyPeerUid = r.Boolean("allow-any-peer-uid"),
            };
            if (IpcAddressScheme.HostProblem(settings.Hostname) is { } problem)
                throw SettingsReader.Fail("hostname", problem);
            if (settings.SendQueueLimit <= settings.MaximumFrameSize)
                throw SettingsReader.Fail("send-queue-limit", $"must be larger than maximum-frame-size ({settings.MaximumFrameSize}), was {settings.SendQueueLimit}");
            return settings;
        }
        catch (ConfigurationException e)
        {
            throw new ConfigurationException(Block + e.Message, e.InnerException);
        }
    }

    /// <summary>The socket file of the system at <paramref name="host"/>:<paramref name="port"/>.</summary>
    /// <param name="host">The address's host.</param>
    /// <param name="port">The address's port.</param>
    /// <returns><c>&lt;socket-directory&gt;/&lt;host&gt;-&lt;port&gt;.sock</c>.</returns>
    public string SocketPath(string host, int port) => IpcAddressScheme.SocketPath(SocketDirectory, host, port);

    internal IpcSocketOptions ToSocketOptions() => new()
    {
        SocketFileMode = FileMode,
        AllowedPeerUids = AllowedPeerUids.IsDefaultOrEmpty ? null : AllowedPeerUids,
        AllowAnyPeerUid = AllowAnyPeerUid,
        SendQueueLimit = SendQueueLimit,
        ReceiveBufferLimit = Math.Max(MaximumFrameSize + 4, 1024 * 1024),
    };

    private static UnixFileMode ParseFileMode(string raw)
    {
        var digits = raw.StartsWith("0o", StringComparison.OrdinalIgnoreCase) ? raw[2..] : raw;
        if (digits.Length is 0 or > 4 || digits.Any(c => c is < '0' or > '7') || Convert.ToInt32(digits, 8) > 0x1FF)
            throw SettingsReader.Fail("file-mode", $"must be octal permission bits between 0000 and 0777 such as \"0600\", was '{raw}'");
        return (UnixFileMode)Convert.ToInt32(digits, 8);
    }
}
