using Akka.Actor;

namespace AkkaIpc.Node.Link;

/// <summary>
/// The node's subscriber: hands every message it gets, with its sender, to the command loop's inbox.
/// The loop is plain async code at the edge of the actor system (a console is not an actor); this
/// actor is the bridge, so events keep their arrival order and their sender. Stateless, one state;
/// it also death-watches the socket on request (<see cref="WatchSocket"/>) and passes on its <c>Terminated</c>.
/// </summary>
/// <remarks>
/// The inbox is bounded, and when it is full this actor blocks (it runs on Akka's blocking-I/O dispatcher, so no
/// other actor waits for its thread). That is the node's flow control: while it blocks it does not answer the
/// socket's delivery probes, the socket's receive window closes, the socket stops reading, and the peer's writes
/// wait in the kernel. A command that has ended cancels the stopping token, and what arrives after that is
/// dropped: nobody reads it.
/// </remarks>
internal sealed class EventQueueActor : ReceiveActor
{
    public EventQueueActor(EventQueue inbox, CancellationToken stopping)
    {
        Receive<WatchSocket>(watch => Context.Watch(watch.Socket));
        ReceiveAny(message =>
        {
            try
            {
                inbox.Post(new NodeEvent(message, Sender), stopping);
            }
            catch (OperationCanceledException)
            {
                // The command has ended; nobody reads the inbox any more.
            }
        });
    }

    public static Props Props(EventQueue inbox, CancellationToken stopping) =>
        Akka.Actor.Props.Create(() => new EventQueueActor(inbox, stopping))
            .WithDispatcher("akka.actor.default-blocking-io-dispatcher");
}
