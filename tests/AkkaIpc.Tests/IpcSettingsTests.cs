using Akka.Actor;
using Akka.Configuration;

namespace AkkaIpc.Tests;

public sealed class IpcSettingsTests
{
    [Fact]
    public void Defaults_must_come_from_the_embedded_reference_conf()
    {
        var settings = IpcSettings.Create(ConfigurationFactory.Empty).Socket;

        Assert.Equal(Framing.LengthPrefixed, settings.Framing);
        Assert.Equal(0, settings.HeldWritesLimit);
        Assert.Equal(4 * 1024 * 1024, settings.MaxFrameSize);
        Assert.Equal(8 * 1024 * 1024, settings.SendQueueLimit);
        Assert.Equal(103, settings.MaxPathBytes);
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, settings.FileMode);
        Assert.Empty(settings.AllowedPeerUids);
        Assert.Equal(TimeSpan.FromMilliseconds(100), settings.BackoffMin);
        Assert.Equal(TimeSpan.FromSeconds(5), settings.BackoffMax);
        Assert.Equal(0.2, settings.BackoffRandomFactor);
        Assert.Equal(10, settings.MaxRetries);
        Assert.Equal(TimeSpan.FromMinutes(1), settings.RetryWindow);
        Assert.Equal(4096, settings.MaxConnections);
    }

    [Fact]
    public void Overrides_must_win_over_the_defaults()
    {
        var settings = IpcSettings.Create(ConfigurationFactory.ParseString("""
            akka.ipc.socket.framing = raw
            akka.ipc.socket.max-frame-size = 64KiB
            akka.ipc.socket.file-mode = "0660"
            akka.ipc.socket.allowed-peer-uids = [1000, 1001]
            akka.ipc.backoff.max-retries = -1
            """)).Socket;

        Assert.Equal(Framing.Raw, settings.Framing);
        Assert.Equal(64 * 1024, settings.MaxFrameSize);
        Assert.Equal((UnixFileMode)0x1B0, settings.FileMode);
        Assert.Equal(new[] { 1000, 1001 }, settings.AllowedPeerUids.ToArray());
        Assert.Equal(-1, settings.MaxRetries);
    }

    [Theory]
    [InlineData("akka.ipc.backoff.min = -1s", "akka.ipc.backoff.min: must be > 0, was -1s")]
    [InlineData("akka.ipc.backoff.min = 0s", "akka.ipc.backoff.min: must be > 0, was 0s")]
    [InlineData("akka.ipc.backoff.min = soon", "akka.ipc.backoff.min: must be a duration")]
    [InlineData("akka.ipc.backoff.max = 10ms", "akka.ipc.backoff.max: must be >= akka.ipc.backoff.min")]
    [InlineData("akka.ipc.backoff.random-factor = 1.5", "akka.ipc.backoff.random-factor: must be between 0 and 1, was 1.5")]
    [InlineData("akka.ipc.backoff.max-retries = -2", "akka.ipc.backoff.max-retries: must be between -1 and")]
    [InlineData("akka.ipc.backoff.retry-window = -5s", "akka.ipc.backoff.retry-window: must be > 0, was -5s")]
    [InlineData("akka.ipc.socket.framing = zigzag", "akka.ipc.socket.framing: must be raw or length-prefixed, was 'zigzag'")]
    [InlineData("akka.ipc.socket.max-path-bytes = 200", "akka.ipc.socket.max-path-bytes: must be between 1 and 107, was 200")]
    [InlineData("akka.ipc.socket.max-frame-size = 0", "akka.ipc.socket.max-frame-size: must be between 1 and")]
    [InlineData("akka.ipc.socket.send-queue-limit = 10", "akka.ipc.socket.send-queue-limit: must be between 1024 and")]
    [InlineData("akka.ipc.socket.file-mode = \"0999\"", "akka.ipc.socket.file-mode: must be octal")]
    [InlineData("akka.ipc.socket.allow-any-peer-uid = maybe", "akka.ipc.socket.allow-any-peer-uid: must be on or off")]
    [InlineData("akka.ipc.server.max-connections = 0", "akka.ipc.server.max-connections: must be between 1 and")]
    public void A_bad_value_must_fail_naming_its_full_key(string hocon, string expectedStart)
    {
        var ex = Assert.Throws<ConfigurationException>(() => IpcSettings.Create(ConfigurationFactory.ParseString(hocon)));
        Assert.StartsWith(expectedStart, ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("65536", 65536L)]
    [InlineData("64KiB", 65536L)]
    [InlineData("64 KiB", 65536L)]
    [InlineData("64k", 65536L)]
    [InlineData("4MiB", 4194304L)]
    [InlineData("4 M", 4194304L)]
    [InlineData("2kB", 2000L)]
    [InlineData("1GiB", 1073741824L)]
    [InlineData("12 parsecs", null)]
    [InlineData("-5", null)]
    [InlineData("KiB", null)]
    public void Byte_sizes_must_parse_like_hocon(string raw, long? expected) =>
        Assert.Equal(expected, AkkaIpc.Internal.SettingsReader.ParseByteSize(raw));

    [Fact]
    public void The_extension_must_refuse_to_start_with_a_bad_value_and_name_the_key()
    {
        using var system = ActorSystem.Create("bad-ipc-config", ConfigurationFactory.ParseString("akka.ipc.backoff.min = -1s"));
        var ex = Record.Exception(() => system.Ipc());
        Assert.NotNull(ex);
        var messages = new List<string>();
        for (var e = ex; e is not null; e = e.InnerException)
            messages.Add(e.Message);
        Assert.Contains(messages, m => m.StartsWith("akka.ipc.backoff.min: must be > 0, was -1s", StringComparison.Ordinal));
    }

    [Fact]
    public void With_copies_must_validate_and_leave_the_original_alone()
    {
        var defaults = IpcSettings.Create(ConfigurationFactory.Empty).Socket;
        var framed = defaults.WithFraming(Framing.Raw).WithMaxFrameSize(1024);

        Assert.Equal(Framing.LengthPrefixed, defaults.Framing);
        Assert.Equal(Framing.Raw, framed.Framing);
        Assert.Equal(1024, framed.MaxFrameSize);
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() =>
            defaults.WithBackoff(TimeSpan.FromSeconds(-1), TimeSpan.FromSeconds(1), 0.1, 3, TimeSpan.FromMinutes(1)));
        Assert.Contains("akka.ipc.backoff.min", ex.Message, StringComparison.Ordinal);
    }
}
