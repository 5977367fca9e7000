using System.Buffers.Binary;
using System.Text;
using AkkaIpc.Sockets;
using AkkaIpc.Tests.Support;
using Xunit.Abstractions;

namespace AkkaIpc.Tests;

public sealed class FramingSpec : IpcSpec
{
    public FramingSpec(ITestOutputHelper output)
        : base(output, "akka.ipc.socket.framing = length-prefixed\nakka.ipc.socket.max-frame-size = 1KiB")
    {
    }

    [Fact]
    public void Framed_socket_must_deliver_whole_frames_across_split_writes()
    {
        var path = NewPath();
        var probe = CreateTestProbe();
        Ipc.Listen(path, probe.Ref);
        ExpectListening(probe, path);
        using var peer = new IpcSocket { Path = path };
        peer.Connect();
        probe.ExpectMsg<Connected>(Long);

        // "hello" split inside its header and inside its payload, then two frames in one write.
        var hello = Frame("hello");
        peer.Write(hello.AsSpan(0, 2));
        peer.Flush();
        peer.Write(hello.AsSpan(2, 4));
        peer.Flush();
        peer.Write(hello.AsSpan(6));
        peer.Write([.. Frame("second"), .. Frame("third")]);
        peer.Flush();

        Assert.Equal("hello", Text(probe.ExpectMsg<Received>(Long)));
        Assert.Equal("second", Text(probe.ExpectMsg<Received>(Long)));
        Assert.Equal("third", Text(probe.ExpectMsg<Received>(Long)));
    }

    [Fact]
    public void Framed_socket_must_send_each_write_as_one_frame()
    {
        var path = NewPath();
        using var peer = new IpcSocket { Path = path };
        peer.Listen();
        var probe = CreateTestProbe();
        var connector = Ipc.Connect(path, probe.Ref);
        probe.ExpectMsg<Connected>(Long);

        Send(probe, connector, Write.Text("framed", "sent"));
        probe.ExpectMsg("sent", Long);
        AwaitCondition(() => peer.BytesAvailable >= 10, Long);
        var bytes = peer.ReadAll();
        Assert.Equal(6, BinaryPrimitives.ReadInt32BigEndian(bytes));
        Assert.Equal("framed", Encoding.UTF8.GetString(bytes, 4, bytes.Length - 4));

        var tooBig = new Write([.. new byte[1025]], "never");
        Send(probe, connector, tooBig);
        var failed = probe.ExpectMsg<CommandFailed>(Long);
        Assert.Equal(IpcErrorCode.OutOfMemoryError, failed.Code);
        Assert.Contains("max-frame-size", failed.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Framed_socket_must_close_on_an_oversized_frame_and_deliver_nothing_of_it()
    {
        var path = NewPath();
        var probe = CreateTestProbe();
        Ipc.Listen(path, probe.Ref);
        ExpectListening(probe, path);
        var peerErrors = new List<IpcErrorCode>();
        using var peer = new IpcSocket { Path = path };
        peer.Error += (_, e) =>
        {
            lock (peerErrors)
                peerErrors.Add(e.Exception.ErrorNumber);
        };
        peer.Connect();
        probe.ExpectMsg<Connected>(Long);

        peer.Write([.. Frame("fine"), .. Frame(new string('x', 2000))]);
        peer.Flush();

        Assert.Equal("fine", Text(probe.ExpectMsg<Received>(Long)));
        var error = probe.ExpectMsg<IpcError>(Long);
        Assert.Equal(IpcErrorCode.OutOfMemoryError, error.Code);
        Assert.Contains("max-frame-size", error.Message, StringComparison.Ordinal);
        // The listener treats it like a lost connection: it restarts and listens again.
        Assert.Equal(IpcErrorCode.OutOfMemoryError, probe.ExpectMsg<Restarting>(Long).Cause);
        AwaitCondition(() =>
        {
            lock (peerErrors)
                return peerErrors.Contains(IpcErrorCode.LostConnection);
        }, Long);
    }

    private static byte[] Frame(string text)
    {
        var payload = Encoding.UTF8.GetBytes(text);
        var frame = new byte[4 + payload.Length];
        BinaryPrimitives.WriteInt32BigEndian(frame, payload.Length);
        payload.CopyTo(frame, 4);
        return frame;
    }
}
