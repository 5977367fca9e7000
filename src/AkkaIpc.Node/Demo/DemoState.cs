using AkkaIpc.Node.Hosting;
using AkkaIpc.Protocol;
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

    public int ListenerConnections { get; private set; }

    public int ListenerRestarts { get; private set; }

    public List<IpcErrorCode> ListenerErrors { get; } = [];

    public List<string> ListenerReceived { get; } = [];

    public bool ListenerClosed { get; private set; }

    public GaveUp? ListenerGaveUp { get; private set; }

    public HashSet<int> ExitsExpected { get; } = [];

    public bool PeerPrinted(int peer, string line) => _peerLines.TryGetValue(peer, out var lines) && lines.Contains(line);

    public int? PeerExitCode(int peer) => _peerExits.TryGetValue(peer, out var code) ? code : null;

    /// <summary>Prints and records one event. Returns a failure message when the event ends the demo.</summary>
    public string? Apply(object message)
    {
        switch (message)
        {
            case Connected:
                ListenerConnections++;
                ConsoleOutput.Line("[listener] " + EventText.Connected);
                break;
            case Received received:
                foreach (var line in EventText.DataAvailable(received.Data.AsSpan()))
                {
                    ListenerReceived.Add(line);
                    ConsoleOutput.Line("[listener] " + line);
                }

                break;
            case SocketError error:
                ListenerErrors.Add(error.Code);
                ConsoleOutput.Line("[listener] " + EventText.Error(error.Code));
                break;
            case Restarting restarting:
                ListenerRestarts++;
                ConsoleOutput.Line("[listener] " + EventText.Restarting(restarting));
                break;
            case GaveUp gaveUp:
                ListenerGaveUp = gaveUp;
                return $"the listener gave up: {gaveUp.Message}";
            case Closed:
                ListenerClosed = true;
                ConsoleOutput.Line("[listener] Closed");
                break;
            case CommandFailed failed:
                return $"the listener refused {failed.Command.GetType().Name}: {failed.Message}";
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
                if (!ExitsExpected.Contains(exited.Peer))
                {
                    return $"peer {exited.Peer} exited unexpectedly with code {exited.ExitCode}";
                }

                break;
        }

        return null;
    }
}
