using AkkaIpc.Node.Hosting;
using AkkaIpc.Sockets;

namespace AkkaIpc.Node.Demo;

/// <summary>
/// What the demo has seen so far. Every event is printed and recorded as it arrives, so a step can wait
/// for a condition even when two processes report in either order.
/// </summary>
internal sealed class DemoState
{
    private readonly Dictionary<int, List<string>> _peerLines = [];
    private readonly Dictionary<int, int> _peerExits = [];
    private readonly HashSet<int> _exitsExpected = [];
    private readonly ReceivedText _received = new();
    private readonly string _path;

    public DemoState(string path)
    {
        _path = path;
    }

    public int ListenerConnections { get; private set; }

    public int ListenerRestarts { get; private set; }

    public List<IpcErrorCode> ListenerErrors { get; } = [];

    public List<string> ListenerReceived { get; } = [];

    public bool ListenerClosed { get; private set; }

    /// <summary>From now on, the end of this peer is part of the script, not a failure.</summary>
    public void ExpectExit(int peer) => _exitsExpected.Add(peer);

    public bool PeerPrinted(int peer, string line) => _peerLines.TryGetValue(peer, out var lines) && lines.Contains(line);

    public int? PeerExitCode(int peer) => _peerExits.TryGetValue(peer, out var code) ? code : null;

    /// <summary>Prints and records one event. Returns the failure to end the demo with, if the event is one.</summary>
    public NodeExitException? Apply(object message)
    {
        switch (message)
        {
            case Listening listening:
                ConsoleOutput.Line("[listener] " + EventText.Listening(listening));
                break;
            case Connected:
                ListenerConnections++;
                _received.Reset();
                ConsoleOutput.Line("[listener] " + EventText.Connected);
                break;
            case Received received:
                foreach (var line in EventText.DataAvailable(_received.Decode(received.Data.AsSpan())))
                {
                    ListenerReceived.Add(line);
                    ConsoleOutput.Line("[listener] " + line);
                }

                break;
            case IpcError error:
                ListenerErrors.Add(error.Code);
                ConsoleOutput.Line("[listener] " + EventText.Error(error.Code));
                break;
            case Restarting restarting:
                ListenerRestarts++;
                ConsoleOutput.Line("[listener] " + EventText.Restarting(restarting));
                break;
            case GaveUp gaveUp:
                return new NodeExitException(ExitCodes.SocketError, EventText.Failure(gaveUp.Cause, gaveUp.Message, _path));
            case Closed:
                ListenerClosed = true;
                ConsoleOutput.Line("[listener] Closed");
                break;
            case CommandFailed failed:
                return new NodeExitException(ExitCodes.SocketError, EventText.Failure(failed.Code, failed.Message, _path));
            case PeerOutput output:
                if (!_peerLines.TryGetValue(output.Peer, out var lines))
                {
                    _peerLines[output.Peer] = lines = [];
                }

                lines.Add(output.Line);
                ConsoleOutput.Line($"[peer {output.Peer}] {output.Line}");
                break;
            case PeerExited exited:
                _peerExits[exited.Peer] = exited.ExitCode;
                ConsoleOutput.Line($"[demo] peer {exited.Peer} exited with code {exited.ExitCode}");
                if (!_exitsExpected.Contains(exited.Peer))
                {
                    return new NodeExitException(ExitCodes.Internal, $"error: peer {exited.Peer} exited unexpectedly with code {exited.ExitCode}");
                }

                break;
        }

        return null;
    }
}
