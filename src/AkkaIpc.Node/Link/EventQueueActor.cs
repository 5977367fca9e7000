using System.Threading.Channels;
using Akka.Actor;

namespace AkkaIpc.Node.Link;

/// <summary>
/// The node's subscriber: hands every message it gets, with its sender, to the command loop's inbox.
/// The loop is plain async code at the edge of the actor system (a console is not an actor); this
/// actor is the bridge, so events keep their arrival order and their sender. Stateless, one state;
/// it also death-watches the socket on request (<see cref="WatchSocket"/>) and passes on its <c>Terminated</c>.
/// </summary>
internal sealed class EventQueueActor : ReceiveActor
{
    public EventQueueActor(ChannelWriter<NodeEvent> inbox)
    {
        Receive<WatchSocket>(watch => Context.Watch(watch.Socket));
        ReceiveAny(message => inbox.TryWrite(new NodeEvent(message, Sender)));
    }

    public static Props Props(ChannelWriter<NodeEvent> inbox) => Akka.Actor.Props.Create(() => new EventQueueActor(inbox));
}
