using System.Net.Sockets;

namespace AkkaIpc.Sockets.Tests;

/// <summary>Handlers attached while events run: a DataAvailable handler attached in Connected misses nothing.</summary>
public sealed class LateHandlerTests : IDisposable
{
    private readonly TestPaths _paths = new();

    public void Dispose() => _paths.Dispose();

    [Fact]
    public async Task A_DataAvailable_handler_attached_in_Connected_is_raised_for_bytes_that_came_before_it()
    {
        var path = _paths.Next();
        using var server = new IpcSocket { Path = path };
        var bufferedFirst = false;
        var raised = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        server.Connected += (_, _) =>
        {
            // The peer's bytes are in the socket's buffer before anyone listens for them.
            bufferedFirst = SpinWait.SpinUntil(() => server.BytesAvailable > 0, EventRecorder.Timeout);
            server.DataAvailable += (_, _) => raised.TrySetResult();
        };
        server.Listen();

        using var peer = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        peer.Connect(new UnixDomainSocketEndPoint(path));
        peer.Send("hi"u8);

        await raised.Task.WaitAsync(EventRecorder.Timeout);
        Assert.True(bufferedFirst, "the bytes were expected in the buffer while Connected ran");
        Assert.Equal("hi", server.ReadAll(System.Text.Encoding.UTF8));
    }
}
