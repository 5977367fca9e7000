namespace AkkaIpc.Sockets.Tests;

/// <summary>An exception from an application's event handler never kills the process (issue 11 #8).</summary>
public sealed class HandlerFailureTests : IDisposable
{
    private readonly TestPaths _paths = new();

    public void Dispose() => _paths.Dispose();

    [Fact]
    public void A_throwing_DataAvailable_handler_is_reported_as_Error_106_the_connection_closes_and_the_process_lives_on()
    {
        var path = _paths.Next();

        // A real second process whose DataAvailable handler throws on the first bytes.
        using var peer = PeerProcess.Start("listen", path, "--throw-on-data");
        peer.WaitLine("Listening");
        using var client = new IpcSocket { Path = path };
        var events = new EventRecorder(client);
        client.Connect();
        events.WaitConnected();

        // No Flush: Write sends by itself, and a Flush could find the socket already closed by the peer's answer (106).
        client.Write("hello");

        // The peer's Error handler ran (it prints the code and exits 3 by itself), so the process was not torn down
        // by an unhandled exception (exit 134), and the peer's socket closed the connection.
        Assert.Equal("Error: 106", peer.WaitLine("Error: "));
        Assert.Equal(3, peer.WaitForExit());
        Assert.Equal(IpcErrorCode.LostConnection, events.WaitError().ErrorNumber);
    }

    [Fact]
    public void The_Error_event_of_a_throwing_handler_carries_its_exception_and_the_socket_can_connect_again()
    {
        var path = _paths.Next();
        using var pair = new ConnectedPair(path);
        var bug = new InvalidOperationException("bug");
        var errors = new List<IpcSocketException>();
        var reported = new ManualResetEventSlim();
        pair.Server.DataAvailable += (_, _) => throw bug;
        pair.Server.Error += (_, e) =>
        {
            errors.Add(e.Exception);
            reported.Set();
        };

        // No Flush: Write sends by itself, and under load the server's handler can throw and its close reach the
        // client before a Flush would run, which then fails with 106 (found by the load run).
        pair.Client.Write("x");

        Assert.True(reported.Wait(EventRecorder.Timeout), "no Error event after the handler threw");
        var error = Assert.Single(errors);
        Assert.Equal(IpcErrorCode.InvalidStateError, error.ErrorNumber);
        Assert.Same(bug, error.InnerException);
        Assert.Contains("DataAvailable handler", error.Message, StringComparison.Ordinal);
        Assert.False(pair.Server.IsConnected);
        Assert.Equal(IpcErrorCode.LostConnection, pair.ClientEvents.WaitError().ErrorNumber);
    }
}
