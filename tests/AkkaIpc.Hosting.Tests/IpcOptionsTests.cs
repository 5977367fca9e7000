using Akka.Configuration;
using AkkaIpc.Hosting.Internal;

namespace AkkaIpc.Hosting.Tests;

public sealed class IpcOptionsTests
{
    [Fact]
    public void Every_setting_maps_to_its_akka_ipc_key()
    {
        var options = new IpcOptions
        {
            Framing = Framing.LengthPrefixed,
            MaxFrameSize = 1000,
            SendQueueLimit = 2048,
            ReceiveBufferLimit = 4096,
            CloseTimeout = TimeSpan.FromMilliseconds(2.5),
            MaxPathBytes = 107,
            FileMode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.OtherWrite,
            AllowedPeerUids = [65534],
            AllowAnyPeerUid = true,
            BackoffMin = TimeSpan.FromMilliseconds(10),
            BackoffMax = TimeSpan.FromSeconds(1),
            BackoffRandomFactor = 0.5,
            MaxRetries = -1,
            RetryWindow = TimeSpan.FromMinutes(2),
            MaxConnections = 3,
            AcceptRetryDelay = TimeSpan.FromMilliseconds(250),
        };

        var s = IpcSocketSettings.Create(ConfigurationFactory.ParseString(options.ToString()));

        Assert.Equal(
            (Framing.LengthPrefixed, 1000, 2048, 4096, TimeSpan.FromMilliseconds(2.5), 107, (UnixFileMode)0b110_000_010, 65534, true),
            (s.Framing, s.MaxFrameSize, s.SendQueueLimit, s.ReceiveBufferLimit, s.CloseTimeout, s.MaxPathBytes, s.FileMode, s.AllowedPeerUids.Single(), s.AllowAnyPeerUid));
        Assert.Equal(
            (TimeSpan.FromMilliseconds(10), TimeSpan.FromSeconds(1), 0.5, -1, TimeSpan.FromMinutes(2), 3, TimeSpan.FromMilliseconds(250)),
            (s.BackoffMin, s.BackoffMax, s.BackoffRandomFactor, s.MaxRetries, s.RetryWindow, s.MaxConnections, s.AcceptRetryDelay));
    }

    [Fact]
    public void The_key_table_covers_every_settable_option()
    {
        var settable = typeof(IpcOptions).GetProperties().Where(p => p.CanWrite).Select(p => p.Name).Order();
        Assert.Equal(settable, IpcOptionKeys.All.Select(o => o.Name).Order());
    }

    [Fact]
    public void Unset_options_add_no_HOCON() => Assert.Equal("", new IpcOptions().ToString());
}
