namespace AkkaIpc.Sockets.Tests;

public sealed class ManualModeTests : IDisposable
{
    private static readonly IpcSocketOptions Manual = new() { EventMode = IpcEventMode.Manual };

    private readonly TestPaths _paths = new();

    public void Dispose() => _paths.Dispose();

    [Fact]
    public void Events_wait_for_Poll_and_run_on_the_polling_thread()
    {
        using var pair = new ConnectedPair(_paths.Next(), serverOptions: Manual, clientOptions: Manual);
        var threads = new List<int>();
        pair.Server.Connected += (_, _) => threads.Add(Environment.CurrentManagedThreadId);
        pair.Server.DataAvailable += (_, _) => threads.Add(Environment.CurrentManagedThreadId);

        pair.Client.Write("queued");
        Assert.True(SpinWait.SpinUntil(() => pair.Server.BytesAvailable == 6, EventRecorder.Timeout));

        // Bytes are buffered by the background receive loop, but nothing was raised yet.
        Assert.Empty(pair.ServerEvents.Events);
        Assert.Empty(threads);

        pair.Server.Poll();
        Assert.Equal(["Connected", "DataAvailable"], pair.ServerEvents.Events);
        Assert.Equal("queued", pair.ServerEvents.ReceivedText);
        Assert.All(threads, id => Assert.Equal(Environment.CurrentManagedThreadId, id));

        pair.Server.Poll();
        Assert.Equal(2, pair.ServerEvents.Events.Count);
    }

    [Fact]
    public void LostConnection_is_raised_by_Poll()
    {
        using var pair = new ConnectedPair(_paths.Next(), serverOptions: Manual);
        Assert.True(SpinWait.SpinUntil(() => pair.Server.IsConnected, EventRecorder.Timeout));
        pair.Server.Poll();
        pair.Client.Close();
        Assert.True(SpinWait.SpinUntil(() => !pair.Server.IsConnected, EventRecorder.Timeout));
        Assert.Empty(pair.ServerEvents.Errors);

        pair.Server.Poll();
        Assert.Equal(IpcErrorCode.LostConnection, Assert.Single(pair.ServerEvents.Errors).ErrorNumber);
    }

    [Fact]
    public void An_exception_in_a_handler_comes_out_of_Poll_and_later_events_stay_queued()
    {
        using var pair = new ConnectedPair(_paths.Next(), serverOptions: Manual);
        pair.Server.Connected += (_, _) => throw new InvalidOperationException("handler bug");
        pair.Client.Write("x");
        Assert.True(SpinWait.SpinUntil(() => pair.Server.BytesAvailable == 1, EventRecorder.Timeout));

        Assert.Throws<InvalidOperationException>(pair.Server.Poll);
        pair.Server.Poll();
        Assert.Equal("x", pair.ServerEvents.ReceivedText);
    }

    [Fact]
    public void Poll_does_nothing_in_automatic_mode()
    {
        using var pair = new ConnectedPair(_paths.Next());
        pair.Server.Poll();
        pair.Client.Write("auto");
        pair.ServerEvents.WaitText("auto");
    }
}
