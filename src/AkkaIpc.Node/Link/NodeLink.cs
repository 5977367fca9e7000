using Akka.Actor;

namespace AkkaIpc.Node.Link;

/// <summary>
/// The node's handle on one supervised socket of the actor layer: commands go to the socket's ref with
/// the node's <see cref="EventQueueActor"/> as sender, so every reply and event lands in the command's inbox.
/// </summary>
internal sealed class NodeLink : IAsyncDisposable
{
    private static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(10);

    private readonly IActorRef _socket;
    private readonly IActorRef _subscriber;
    private readonly CancellationTokenSource _stopping;

    /// <param name="path">The socket file path.</param>
    /// <param name="socket">The socket's supervisor.</param>
    /// <param name="subscriber">The <see cref="EventQueueActor"/> that feeds the command's inbox.</param>
    /// <param name="stopping">Cancelled on disposal, so a subscriber blocked on a full inbox lets go.</param>
    public NodeLink(string path, IActorRef socket, IActorRef subscriber, CancellationTokenSource stopping)
    {
        Path = path;
        _socket = socket;
        _subscriber = subscriber;
        _stopping = stopping;
    }

    /// <summary>The path the socket listens or connects on.</summary>
    public string Path { get; }

    /// <summary>Sends a command (<c>Write</c>, <c>Flush</c>, <c>Close</c>, ...) to the socket's supervisor.</summary>
    public void Send(object command) => _socket.Tell(command, _subscriber);

    /// <summary>Sends a command to another actor of the socket, e.g. one connection of a server.</summary>
    public void SendTo(IActorRef target, object command) => target.Tell(command, _subscriber);

    /// <summary>
    /// Stops the socket's actors (which closes the socket and removes a listener's own socket file, as
    /// <c>PostStop</c> does) and waits, bounded, until they are gone.
    /// </summary>
    public async ValueTask DisposeAsync()
    {
        // The command no longer reads its inbox: a subscriber waiting for room must not hold up the stop.
        await _stopping.CancelAsync().ConfigureAwait(false);

        // GracefulStop answers false on timeout instead of throwing; either way the node moves on.
        await _socket.GracefulStop(StopTimeout).ConfigureAwait(false);
        await _subscriber.GracefulStop(StopTimeout).ConfigureAwait(false);
        _stopping.Dispose();
    }
}
