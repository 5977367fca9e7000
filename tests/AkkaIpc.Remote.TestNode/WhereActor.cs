using Akka.Actor;

namespace AkkaIpc.Remote.TestNode;

/// <summary>Deployed remotely by the specs: answers <see cref="WhereAreYou"/> with the process it runs in.</summary>
public sealed class WhereActor : ReceiveActor
{
    /// <summary>Creates the actor.</summary>
    public WhereActor() => Receive<WhereAreYou>(_ => Sender.Tell(new Where(Environment.ProcessId, Self.Path.ToString())));
}
