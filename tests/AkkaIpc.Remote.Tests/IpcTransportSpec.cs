using System.Buffers.Binary;
using System.Net.Sockets;
using System.Text;
using Akka.Actor;
using Akka.Configuration;
using Akka.Remote;
using Akka.Remote.Transport;
using Akka.TestKit;
using AkkaIpc.Remote.Tests.Support;
using AkkaIpc.Sockets;
using Google.Protobuf;
using Xunit.Abstractions;

namespace AkkaIpc.Remote.Tests;

/// <summary>
/// The transport contract, driven the way Akka.Remote drives it (Listen, register the association listener,
/// Associate, register each handle's read listener, Write, Disassociate, Shutdown), with real sockets in one process.
/// </summary>
public sealed class IpcTransportSpec : Akka.TestKit.Xunit2.TestKit
{
    private static readonly TimeSpan Long = TimeSpan.FromSeconds(20);
    private readonly SocketDirectory _dir = new();
    private readonly List<IpcTransport> _transports = [];

    public IpcTransportSpec(ITestOutputHelper output)
        : base("akka.test.single-expect-default = 10s", output)
    {
    }

    [Fact]
    public async Task Associate_carries_payloads_in_order_both_ways()
    {
        var (server, serverAddress, inbound) = await StartAsync();
        var (client, _, _) = await StartAsync();

        var outbound = await client.Associate(serverAddress);
        var accepted = inbound.ExpectMsg<InboundAssociation>(Long).Association;
        Assert.Equal(serverAddress, outbound.RemoteAddress);
        Assert.Equal(serverAddress, accepted.LocalAddress);
        var atServer = Register(accepted);
        var atClient = Register(outbound);

        const int count = 500;
        for (var i = 0; i < count; i++)
        {
            Assert.True(outbound.Write(Payload($"up {i}")));
            Assert.True(accepted.Write(Payload($"down {i}")));
        }

        for (var i = 0; i < count; i++)
        {
            Assert.Equal($"up {i}", Text(atServer.ExpectMsg<InboundPayload>(Long)));
            Assert.Equal($"down {i}", Text(atClient.ExpectMsg<InboundPayload>(Long)));
        }

        // Sizes around the copy thresholds, and an empty payload, arrive whole.
        foreach (var size in new[] { 0, 1, 511, 512, 513, 65535, 65536, 65537, 1_000_000 })
        {
            var bytes = new byte[size];
            Random.Shared.NextBytes(bytes);
            Assert.True(outbound.Write(ByteString.CopyFrom(bytes)));
            Assert.Equal(bytes, atServer.ExpectMsg<InboundPayload>(Long).Payload.ToByteArray());
        }
    }

    [Fact]
    public async Task Disassociate_is_seen_by_both_sides()
    {
        var (_, serverAddress, inbound) = await StartAsync();
        var (client, _, _) = await StartAsync();
        var outbound = await client.Associate(serverAddress);
        var atServer = Register(inbound.ExpectMsg<InboundAssociation>(Long).Association);
        var atClient = Register(outbound);

        outbound.Write(Payload("last words"));
        outbound.Disassociate("the spec is done with it", Sys.Log);

        Assert.Equal("last words", Text(atServer.ExpectMsg<InboundPayload>(Long)));
        atServer.ExpectMsg<Disassociated>(Long);
        atClient.ExpectMsg<Disassociated>(Long);
        Assert.False(outbound.Write(Payload("too late")));
    }

    [Fact]
    public async Task Shutdown_of_the_listening_side_ends_its_associations_and_removes_its_socket_file()
    {
        var (server, serverAddress, inbound) = await StartAsync();
        var (client, _, _) = await StartAsync();
        var outbound = await client.Associate(serverAddress);
        Register(inbound.ExpectMsg<InboundAssociation>(Long).Association);
        var atClient = Register(outbound);
        var file = server.SocketPath!;
        Assert.True(File.Exists(file));

        Assert.True(await server.Shutdown());

        atClient.ExpectMsg<Disassociated>(Long);
        Assert.False(File.Exists(file));
        var failure = await Assert.ThrowsAsync<InvalidAssociationException>(() => client.Associate(serverAddress));
        Assert.Contains("103", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Associate_where_nothing_listens_fails_at_once_with_103_naming_the_address_and_file()
    {
        var (client, _, _) = await StartAsync();
        var nobody = new Address(IpcAddressScheme.Scheme, "nobody", "localhost", 2999);

        var missing = await Assert.ThrowsAsync<InvalidAssociationException>(() => client.Associate(nobody));
        Assert.Contains("103", missing.Message, StringComparison.Ordinal);
        Assert.Contains(_dir.File("localhost", 2999), missing.Message, StringComparison.Ordinal);
        Assert.Contains("nobody@localhost:2999", missing.Message, StringComparison.Ordinal);

        // A stale file (its listener died without removing it) refuses connections: the same fast failure.
        using (var dead = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified))
            dead.Bind(new UnixDomainSocketEndPoint(_dir.File("localhost", 2999)));
        var stale = await Assert.ThrowsAsync<InvalidAssociationException>(() => client.Associate(nobody));
        Assert.Contains("103", stale.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_payload_over_the_frame_limit_fails_clearly_and_an_oversized_incoming_frame_ends_the_association()
    {
        var (_, serverAddress, inbound) = await StartAsync(extra: "maximum-frame-size = 64KiB");
        var (client, _, _) = await StartAsync(extra: "maximum-frame-size = 64KiB");
        Assert.Equal(64 * 1024, client.MaximumPayloadBytes);
        var outbound = await client.Associate(serverAddress);
        var atServer = Register(inbound.ExpectMsg<InboundAssociation>(Long).Association);
        Register(outbound);

        var tooBig = Assert.Throws<IpcSocketException>(() => outbound.Write(ByteString.CopyFrom(new byte[64 * 1024 + 1])));
        Assert.Equal(IpcErrorCode.OutOfMemoryError, tooBig.ErrorNumber);
        Assert.Contains("maximum-frame-size", tooBig.Message, StringComparison.Ordinal);

        // The association still works after a refused write; exactly the limit passes.
        Assert.True(outbound.Write(ByteString.CopyFrom(new byte[64 * 1024])));
        Assert.Equal(64 * 1024, atServer.ExpectMsg<InboundPayload>(Long).Payload.Length);

        // A peer announcing a larger frame is cut off before any of it is delivered.
        using var raw = new IpcSocket { Path = _dir.File("localhost", serverAddress.Port!.Value) };
        await raw.ConnectAsync();
        var rogue = Register(inbound.ExpectMsg<InboundAssociation>(Long).Association);
        var start = new byte[1004];
        BinaryPrimitives.WriteInt32BigEndian(start, 64 * 1024 + 1);
        await raw.WriteAsync(start);
        rogue.ExpectMsg<Disassociated>(Long);
    }

    [Fact]
    public async Task Many_concurrent_associations_each_keep_their_own_stream()
    {
        const int peers = 40;
        var (_, serverAddress, inbound) = await StartAsync();
        var (client, _, _) = await StartAsync();

        var handles = await Task.WhenAll(Enumerable.Range(0, peers).Select(_ => client.Associate(serverAddress)));
        var atServer = CreateTestProbe();
        for (var i = 0; i < peers; i++)
            inbound.ExpectMsg<InboundAssociation>(Long).Association.ReadHandlerSource.SetResult(new ActorHandleEventListener(atServer));
        Parallel.For(0, peers, i =>
        {
            Register(handles[i]);
            for (var n = 0; n < 50; n++)
                handles[i].Write(Payload($"{i}:{n}"));
        });

        var next = new int[peers];
        for (var k = 0; k < peers * 50; k++)
        {
            var parts = Text(atServer.ExpectMsg<InboundPayload>(Long)).Split(':');
            var peer = int.Parse(parts[0], System.Globalization.CultureInfo.InvariantCulture);
            Assert.Equal(next[peer]++, int.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture));
        }

        Assert.All(next, n => Assert.Equal(50, n));
    }

    [Fact]
    public async Task The_socket_file_is_owner_only_a_live_or_foreign_file_is_refused_untouched_and_a_stale_one_reclaimed()
    {
        var (first, address, _) = await StartAsync(port: 3001);
        var file = _dir.File("localhost", 3001);
        Assert.Equal(file, first.SocketPath);
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(file));
        Assert.Equal(new Address("ipc", Sys.Name, "localhost", 3001), address);

        // A live system at the port: refused with 105, and the first keeps its file.
        var live = await Assert.ThrowsAsync<RemoteTransportException>(() => StartAsync(port: 3001));
        Assert.Contains("105", live.Message, StringComparison.Ordinal);
        Assert.True(File.Exists(file));

        // A regular file at a port: refused with 105 and left alone.
        var foreign = _dir.File("localhost", 3002);
        await File.WriteAllTextAsync(foreign, "not a socket");
        var refused = await Assert.ThrowsAsync<RemoteTransportException>(() => StartAsync(port: 3002));
        Assert.Contains("105", refused.Message, StringComparison.Ordinal);
        Assert.Equal("not a socket", await File.ReadAllTextAsync(foreign));

        // A stale socket file (its system was killed) is reclaimed.
        using (var dead = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified))
            dead.Bind(new UnixDomainSocketEndPoint(_dir.File("localhost", 3003)));
        var (reclaimed, _, _) = await StartAsync(port: 3003);
        Assert.Equal(_dir.File("localhost", 3003), reclaimed.SocketPath);

        // Port 0 picks a free port, named in the address.
        var (picked, pickedAddress, _) = await StartAsync(port: 0);
        Assert.InRange(pickedAddress.Port!.Value, 10000, 65535);
        Assert.Equal(_dir.File("localhost", pickedAddress.Port.Value), picked.SocketPath);
    }

    [Fact]
    public async Task A_peer_of_another_uid_is_refused_unless_the_allow_list_admits_it()
    {
        Assert.True(Environment.IsPrivilegedProcess, "the cross-uid spec runs as root (CI does) to start a peer as uid 65534");
        File.SetUnixFileMode(_dir.Path, (UnixFileMode)0x1ED); // 0755: the other uid may reach the socket files
        var (_, _, refusing) = await StartAsync(port: 3101, extra: "file-mode = \"0666\"");
        var (_, _, admitting) = await StartAsync(port: 3102, extra: "file-mode = \"0666\"\nallowed-peer-uids = [65534]");

        await EventFilter.Warning(contains: "uid 65534").ExpectOneAsync(Long, () => ConnectAsNobodyAsync(_dir.File("localhost", 3101)));

        // The stranger made no association: the next one the refusing side reports is ours.
        var (client, _, _) = await StartAsync();
        await client.Associate(new Address("ipc", Sys.Name, "localhost", 3101));
        Assert.Equal($"pid-{Environment.ProcessId}", refusing.ExpectMsg<InboundAssociation>(Long).Association.RemoteAddress.Host);

        var admitted = await ConnectAsNobodyAsync(_dir.File("localhost", 3102));
        Assert.Equal($"pid-{admitted}", admitting.ExpectMsg<InboundAssociation>(Long).Association.RemoteAddress.Host);
    }

    [Fact]
    public void A_bad_setting_fails_naming_its_key()
    {
        var bad = Assert.Throws<ConfigurationException>(() => new IpcTransport(Sys, ConfigurationFactory.ParseString("hostname = \"a/b\"")));
        Assert.Equal("akka.remote.ipc.hostname: must be a non-empty file name part without '/', ':', '@', NUL or whitespace, was 'a/b'", bad.Message);
        var port = Assert.Throws<ConfigurationException>(() => new IpcTransport(Sys, ConfigurationFactory.ParseString("port = 70000")));
        Assert.StartsWith("akka.remote.ipc.port", port.Message, StringComparison.Ordinal);
    }

    protected override void AfterAll()
    {
        foreach (var transport in _transports)
            transport.Shutdown().Wait(Long);
        _dir.Dispose();
        base.AfterAll();
    }

    private async Task<(IpcTransport Transport, Address Address, TestProbe Associations)> StartAsync(int port = 0, string extra = "")
    {
        var transport = new IpcTransport(Sys, ConfigurationFactory.ParseString(
            $"socket-directory = \"{_dir.Path}\"\nport = {port}\n{extra}"));
        var (address, listener) = await transport.Listen();
        _transports.Add(transport);
        var associations = CreateTestProbe();
        listener.SetResult(new ActorAssociationEventListener(associations));
        return (transport, address, associations);
    }

    private TestProbe Register(AssociationHandle handle)
    {
        var probe = CreateTestProbe();
        handle.ReadHandlerSource.SetResult(new ActorHandleEventListener(probe));
        return probe;
    }

    /// <summary>Connects to <paramref name="path"/> as uid 65534 (socat under setpriv) and returns once it has exited.</summary>
    private static async Task<int> ConnectAsNobodyAsync(string path)
    {
        var info = new System.Diagnostics.ProcessStartInfo("setpriv") { UseShellExecute = false };
        foreach (var arg in new[] { "--reuid=65534", "--regid=65534", "--clear-groups", "socat", "-u", "OPEN:/dev/null", $"UNIX-CONNECT:{path}" })
            info.ArgumentList.Add(arg);
        using var process = System.Diagnostics.Process.Start(info) ?? throw new InvalidOperationException("could not start setpriv");
        await process.WaitForExitAsync().WaitAsync(Long);
        if (process.ExitCode is 126 or 127)   // setpriv could not execute socat: say so rather than wait for a warning
            throw new InvalidOperationException("setpriv could not run socat: apt-get install -y socat (.ci/run installs it)");
        return process.Id;
    }

    private static ByteString Payload(string text) => ByteString.CopyFromUtf8(text);

    private static string Text(InboundPayload payload) => Encoding.UTF8.GetString(payload.Payload.Span);
}
