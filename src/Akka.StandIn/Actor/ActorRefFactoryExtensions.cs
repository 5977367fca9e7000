namespace Akka.Actor;

/// <summary>Helpers on <see cref="IActorRefFactory"/>.</summary>
public static class ActorRefFactoryExtensions
{
    /// <summary>Creates an actor of type <typeparamref name="TActor"/> with its parameterless constructor.</summary>
    public static IActorRef ActorOf<TActor>(this IActorRefFactory factory, string name = null) where TActor : ActorBase, new() =>
        factory.ActorOf(Props.Create<TActor>(), name);
}
