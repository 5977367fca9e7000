using AkkaIpc.Node.Tests.Harness;

namespace AkkaIpc.Node.Tests;

public sealed class ChatTests
{
    [Fact]
    public void Listen_and_connect_chat_both_ways_and_close_at_end_of_input()
    {
        using var path = new TempSocketPath();
        using var listener = ChildProcess.Node("listen", path.Value);
        using var connector = ChildProcess.Node("connect", path.Value);

        listener.WaitForLine("Connected");
        connector.WaitForLine("Connected");
        connector.WriteLine("ping from the connector");
        listener.WaitForLine("DataAvailable: ping from the connector");
        listener.WriteLine("pong from the listener");
        connector.WaitForLine("DataAvailable: pong from the listener");

        connector.CloseInput();
        Assert.Equal(0, connector.WaitForExit());
        listener.WaitForLine("Error: 102");
        listener.WaitForLine(line => line.StartsWith("Restarting (attempt 1, in ", StringComparison.Ordinal), "the restart");
        listener.CloseInput();
        Assert.Equal(0, listener.WaitForExit());
        Assert.False(File.Exists(path.Value), "the listener left its socket file");
    }

    [Fact]
    public void Chat_text_is_UTF_8_both_ways()
    {
        using var path = new TempSocketPath();
        using var listener = ChildProcess.Node("listen", path.Value);
        using var connector = ChildProcess.Node("connect", path.Value);
        listener.WaitForLine("Connected");
        connector.WaitForLine("Connected");

        connector.WriteLine("grüße, 世界 ✓");
        listener.WaitForLine("DataAvailable: grüße, 世界 ✓");
        listener.WriteLine("ça va — ✓✓");
        connector.WaitForLine("DataAvailable: ça va — ✓✓");
    }

    [Fact]
    public void Lines_typed_before_the_peer_connects_are_sent_once_it_does()
    {
        using var path = new TempSocketPath();
        using var connector = ChildProcess.Node("connect", path.Value);
        connector.WriteLine("early line");
        connector.CloseInput();
        using var listener = ChildProcess.Node("listen", path.Value);

        listener.WaitForLine("DataAvailable: early line");
        Assert.Equal(0, connector.WaitForExit());
        listener.WaitForLine("Error: 102");
    }

    [Fact]
    public void Listener_reports_102_after_kill_9_of_its_peer_and_accepts_the_next_one()
    {
        using var path = new TempSocketPath();
        using var listener = ChildProcess.Node("listen", path.Value);
        using var first = ChildProcess.Node("connect", path.Value);
        listener.WaitForLine("Connected");
        first.WaitForLine("Connected");

        first.Kill();
        Assert.Equal(137, first.WaitForExit());
        listener.WaitForLine("Error: 102");
        listener.WaitForLine(line => line.StartsWith("Restarting (attempt 1, in ", StringComparison.Ordinal), "the restart");

        using var second = ChildProcess.Node("connect", path.Value);
        second.WaitForLine("Connected");
        listener.WaitForLine("Connected");
        second.WriteLine("second peer here");
        listener.WaitForLine("DataAvailable: second peer here");
        listener.WriteLine("welcome back");
        second.WaitForLine("DataAvailable: welcome back");
    }

    [Fact]
    public void Connector_reconnects_when_its_listener_comes_back()
    {
        using var path = new TempSocketPath();
        using var connector = ChildProcess.Node("connect", path.Value);
        using (var firstListener = ChildProcess.Node("listen", path.Value))
        {
            firstListener.WaitForLine("Connected");
            connector.WaitForLine("Connected");
            firstListener.CloseInput();
            Assert.Equal(0, firstListener.WaitForExit());
        }

        connector.WaitForLine("Error: 102");
        using var secondListener = ChildProcess.Node("listen", path.Value);
        secondListener.WaitForLine("Connected");
        connector.WaitForLine("Connected");
        connector.WriteLine("after the reconnect");
        secondListener.WaitForLine("DataAvailable: after the reconnect");
    }

    [Fact]
    public void Send_delivers_its_text_to_a_listener_and_exits_0()
    {
        using var path = new TempSocketPath();
        using var listener = ChildProcess.Node("listen", path.Value);
        listener.WaitForLine("Listening: " + path.Value);

        using var send = ChildProcess.Node("send", path.Value, "one-shot message");

        Assert.Equal(0, send.WaitForExit());
        listener.WaitForLine("Connected");
        listener.WaitForLine("DataAvailable: one-shot message");
        listener.WaitForLine("Error: 102");
        Assert.Empty(send.ErrorOutput);
    }
}
