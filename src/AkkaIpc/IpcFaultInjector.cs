using System.Collections.Concurrent;
using Akka.Actor;
using AkkaIpc.Internal;

namespace AkkaIpc;

/// <summary>
/// Raises chosen error codes in the sockets of the links that were started with it
/// (<see cref="IpcSocketSettings.WithFaultInjector"/>), at a moment the caller picks, without provoking the condition
/// in the operating system: a protocol test can see its system handle a 102 or a 108 exactly where it wants one. An
/// injected error takes the same path as a real one: subscribers get <see cref="IpcError"/> with the code, the socket
/// is released, a supervisor restarts or gives up by its rules. Thread-safe; one injector may serve many links.
/// </summary>
public sealed class IpcFaultInjector
{
    private readonly ConcurrentDictionary<IActorRef, byte> _sockets = new();
    private readonly ConcurrentQueue<InjectedFault> _openFaults = new();

    /// <summary>The socket actors attached right now (one per open socket of the links using this injector).</summary>
    public int AttachedSockets => _sockets.Count;

    /// <summary>
    /// Fails every socket now open with <paramref name="code"/> (102 ends a connection as a reset would, 108 as an
    /// oversized frame would, ...). A socket not open at this moment is not affected; a socket actor attaches when it
    /// starts, which may be just after its Connected or PeerConnected was published (wait for
    /// <see cref="AttachedSockets"/> when that matters).
    /// </summary>
    /// <param name="code">The error to raise.</param>
    /// <param name="reason">Words for the message, or null.</param>
    public void Fail(IpcErrorCode code, string? reason = null)
    {
        var fault = new InjectedFault(code, reason);
        foreach (var socket in _sockets.Keys)
            socket.Tell(fault, ActorRefs.NoSender);
    }

    /// <summary>
    /// Makes the next socket that opens (a listener's Listen, a connector's Connect, after a restart too) fail at once
    /// with <paramref name="code"/> instead (for example 100, 103 or 105), without touching the path. Faults queue up:
    /// calling this three times fails the next three opens.
    /// </summary>
    /// <param name="code">The error to raise.</param>
    /// <param name="reason">Words for the message, or null.</param>
    public void FailNextOpen(IpcErrorCode code, string? reason = null) => _openFaults.Enqueue(new InjectedFault(code, reason));

    internal void Attach(IActorRef socket) => _sockets.TryAdd(socket, 0);

    internal void Detach(IActorRef socket) => _sockets.TryRemove(socket, out _);

    internal bool TryTakeOpenFault(out InjectedFault fault) => _openFaults.TryDequeue(out fault!);
}
