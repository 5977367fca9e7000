using System.Buffers.Binary;
using System.Collections.Immutable;
using Akka.Actor;
using AkkaIpc.Internal;
using AkkaIpc.Sockets;
using AkkaIpc.Tests.Support;
using FsCheck;
using FsCheck.Xunit;
using Xunit.Abstractions;

namespace AkkaIpc.Tests;

/// <summary>
/// A peer sending well-formed frames followed by random bytes (FsCheck) over a real socket to a length-prefixed
/// listener: the subscriber gets exactly the frames the stream holds, then either 102 (the peer closed) or, at the
/// first oversized header, IpcError 108 and a closed connection; the listener never crashes and goes on listening.
/// </summary>
public sealed class FramedPeerFuzzSpec : IpcSpec
{
    private const int MaxFrame = 1024;

    public FramedPeerFuzzSpec(ITestOutputHelper output)
        : base(output, $"akka.ipc.socket.framing = length-prefixed\nakka.ipc.socket.max-frame-size = {MaxFrame}")
    {
    }

    [Property(MaxTest = 15)]
    public bool Frames_then_random_bytes_give_those_frames_then_102_or_108_and_a_closed_connection(byte[][] frames, byte[] garbage)
    {
        var stream = (frames ?? []).Select(f => (f ?? []).Take(MaxFrame).ToArray()).SelectMany(Encode).Concat(garbage ?? []).ToArray();
        var expected = new List<ImmutableArray<byte>>();
        var oversized = new FrameDecoder(MaxFrame).Decode(stream, expected.Add);

        var path = NewPath();
        var probe = CreateTestProbe();
        var listener = Ipc.Listen(path, probe.Ref);
        ExpectListening(probe, path);
        var peerLost = new TaskCompletionSource<IpcErrorCode>(TaskCreationOptions.RunContinuationsAsynchronously);
        using (var peer = new IpcSocket { Path = path })
        {
            peer.Error += (_, e) => peerLost.TrySetResult(e.Exception.ErrorNumber);
            peer.Connect();
            probe.ExpectMsg<Connected>(Long);
            peer.Write(stream);
            if (oversized is not null)
                Assert.Equal(IpcErrorCode.LostConnection, peerLost.Task.WaitAsync(Long).Result);
            else
                peer.Close();
        }

        var received = new List<ImmutableArray<byte>>();
        IpcError? error = null;
        while (error is null)
        {
            switch (probe.ReceiveOne(Long))
            {
                case Received r:
                    received.Add(r.Data);
                    break;
                case IpcError e:
                    error = e;
                    break;
                case null:
                    throw new TimeoutException("no IpcError after the peer's bytes");
            }
        }

        // The listener restarts and listens again: nothing crashed.
        probe.FishForMessage<Listening>(_ => true, Long);
        listener.Tell(Close.Instance, probe.Ref);
        probe.FishForMessage<Closed>(_ => true, Long);
        var expectedCode = oversized is null ? IpcErrorCode.LostConnection : IpcErrorCode.OutOfMemoryError;
        return error.Code == expectedCode
            && received.Count == expected.Count
            && received.Zip(expected).All(p => p.First.AsSpan().SequenceEqual(p.Second.AsSpan()));
    }

    private static byte[] Encode(byte[] payload)
    {
        var frame = new byte[4 + payload.Length];
        BinaryPrimitives.WriteInt32BigEndian(frame, payload.Length);
        payload.CopyTo(frame, 4);
        return frame;
    }
}
