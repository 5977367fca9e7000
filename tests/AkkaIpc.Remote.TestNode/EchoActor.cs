using Akka.Actor;

namespace AkkaIpc.Remote.TestNode;

/// <summary>/user/echo on every node: answers the messages of Messages.cs.</summary>
public sealed class EchoActor : ReceiveActor
{
    /// <summary>Creates the actor.</summary>
    public EchoActor()
    {
        Receive<Echo>(m => Sender.Tell(m));
        Receive<Introduce>(m => m.Target.Tell(new Greeting(Environment.ProcessId, Self)));
        Receive<Order>(m => Sender.Tell(new OrderTotal(
            m.Id, m.Customer, m.Lines.Sum(l => l.Quantity), m.Lines.Sum(l => l.Quantity * l.Price), Environment.ProcessId)));
        Receive<WhereAreYou>(_ => Sender.Tell(new Where(Environment.ProcessId, Self.Path.ToString())));
        Receive<byte[]>(m => Sender.Tell(m));
    }
}
