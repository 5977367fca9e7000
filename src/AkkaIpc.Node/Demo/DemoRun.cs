using System.Security.Cryptography;
using AkkaIpc.Node.Cli;
using AkkaIpc.Node.Commands;
using AkkaIpc.Node.Hosting;
using AkkaIpc.Node.Link;
using AkkaIpc.Sockets;

namespace AkkaIpc.Node.Demo;

/// <summary>
/// The reference's two-instance example as real processes. This process listens (through the actor
/// layer); peer 1, a second <c>akka-ipc connect</c> process, connects and both exchange a line; peer 1 is
/// killed with SIGKILL; the listener reports 102, its supervisor restarts it and it listens again; peer 2
/// connects and both exchange a line again; peer 2 closes, then the listener closes. Each step waits for
/// the event that proves it, for at most the step timeout.
/// </summary>
internal sealed class DemoRun
{
    private readonly NodeRuntime _runtime;
    private readonly NodeOptions _options;
    private readonly TimeSpan _stepTimeout;
    private readonly CancellationToken _cancellation;
    private readonly EventQueue _inbox = new();
    private readonly DemoState _state;
    private readonly string _path;

    public DemoRun(NodeRuntime runtime, NodeOptions options, TimeSpan stepTimeout, CancellationToken cancellation)
    {
        _runtime = runtime;
        _options = options;
        _stepTimeout = stepTimeout;
        _cancellation = cancellation;
        _path = Path.Combine(Path.GetTempPath(), $"akka-ipc-demo-{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4))}.sock");
        _state = new DemoState(_path);
    }

    public async Task<int> RunAsync()
    {
        var peers = new List<PeerProcess>();
        NodeLink? link = null;
        try
        {
            ConsoleOutput.Line($"[demo] the listener (this process, pid {Environment.ProcessId}) listens on {_path}");
            link = _runtime.Open(SocketRole.Listener, _path, _inbox);

            var peer1 = StartPeer(1, peers);
            await ExchangeAsync(link, peer1).ConfigureAwait(false);

            ConsoleOutput.Line($"[demo] killing peer 1 (pid {peer1.Pid}) with SIGKILL");
            _state.ExpectExit(1);
            peer1.Kill();
            await WaitUntilAsync(() => _state.ListenerErrors.Contains(IpcErrorCode.LostConnection), "the listener's Error: 102").ConfigureAwait(false);
            await WaitUntilAsync(() => _state.ListenerRestarts >= 1, "the supervisor's restart of the listener").ConfigureAwait(false);
            await WaitUntilAsync(() => _state.PeerExitCode(1) is not null, "the end of peer 1").ConfigureAwait(false);

            var peer2 = StartPeer(2, peers);
            await ExchangeAsync(link, peer2).ConfigureAwait(false);

            ConsoleOutput.Line("[demo] peer 2 closes (end of its input)");
            _state.ExpectExit(2);
            var restartsBefore = _state.ListenerRestarts;
            var errorsBefore = _state.ListenerErrors.Count;
            peer2.CloseInput();
            await WaitUntilAsync(() => _state.PeerExitCode(2) is not null, "the end of peer 2").ConfigureAwait(false);
            if (_state.PeerExitCode(2) != 0)
            {
                throw new NodeExitException(ExitCodes.Internal, $"error: peer 2 exited with code {_state.PeerExitCode(2)}, not 0");
            }

            await WaitUntilAsync(() => _state.ListenerErrors.Count > errorsBefore && _state.ListenerRestarts > restartsBefore, "the listener's Error: 102 and restart after peer 2 closed").ConfigureAwait(false);

            ConsoleOutput.Line("[demo] the listener closes");
            link.Send(Close.Instance);
            await WaitUntilAsync(() => _state.ListenerClosed, "the listener's Closed").ConfigureAwait(false);
            await link.DisposeAsync().ConfigureAwait(false);
            link = null;

            ConsoleOutput.Line(File.Exists(_path)
                ? $"[demo] the socket file is still there; removing it: {_path}"
                : $"[demo] the socket file is gone: {_path}");
            return ExitCodes.Ok;
        }
        finally
        {
            foreach (var peer in peers)
            {
                peer.Dispose();
            }

            if (link is not null)
            {
                await ChatSession.CloseAsync(link, _inbox, CancellationToken.None).ConfigureAwait(false);
                await link.DisposeAsync().ConfigureAwait(false);
            }

            RemoveLeftover();
        }
    }

    private PeerProcess StartPeer(int number, List<PeerProcess> peers)
    {
        var arguments = new List<string> { "connect", _path };
        if (_options.ConfigFile is { } file)
        {
            arguments.AddRange(["--config", file]);
        }

        foreach (var setting in _options.Settings)
        {
            arguments.AddRange(["--set", setting]);
        }

        if (_options.Framing is { } framing)
        {
            arguments.AddRange(["--framing", framing]);
        }

        var peer = PeerProcess.Start(number, arguments, _inbox);
        peers.Add(peer);
        ConsoleOutput.Line($"[demo] started peer {number} (pid {peer.Pid}): akka-ipc {string.Join(' ', arguments)}");
        return peer;
    }

    private async Task ExchangeAsync(NodeLink link, PeerProcess peer)
    {
        var number = peer.Number;
        await WaitUntilAsync(() => _state.ListenerConnections >= number && _state.PeerPrinted(number, EventText.Connected), $"Connected on both ends (peer {number})").ConfigureAwait(false);

        var toPeer = $"hello peer {number}, this is the listener";
        ConsoleOutput.Line($"[listener] Write: {toPeer}");
        link.Send(Write.Text(_runtime.LineBreaks ? toPeer + "\n" : toPeer));
        link.Send(Flush.Instance);
        await WaitUntilAsync(() => _state.PeerPrinted(number, "DataAvailable: " + toPeer), $"peer {number} receiving the listener's line").ConfigureAwait(false);

        var fromPeer = $"hello listener, this is peer {number}";
        ConsoleOutput.Line($"[peer {number}] Write: {fromPeer}");
        peer.WriteLine(fromPeer);
        await WaitUntilAsync(() => _state.ListenerReceived.Contains("DataAvailable: " + fromPeer), $"the listener receiving peer {number}'s line").ConfigureAwait(false);
    }

    private async Task WaitUntilAsync(Func<bool> condition, string what)
    {
        var deadline = DateTime.UtcNow + _stepTimeout;
        while (!condition())
        {
            var left = deadline - DateTime.UtcNow;
            var next = left > TimeSpan.Zero ? await _inbox.ReceiveAsync(left, _cancellation).ConfigureAwait(false) : null;
            if (next is null)
            {
                throw NodeExitException.Timeout(what, _stepTimeout);
            }

            if (_state.Apply(next.Message) is { } failure)
            {
                throw failure;
            }
        }
    }

    private void RemoveLeftover()
    {
        try
        {
            if (File.Exists(_path))
            {
                File.Delete(_path);
            }
        }
        catch (IOException)
        {
            // Best effort at the very end; the temp directory is the socket's home for this reason.
        }
    }
}
