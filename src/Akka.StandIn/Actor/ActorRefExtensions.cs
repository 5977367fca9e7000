namespace Akka.Actor;

/// <summary>Helpers on <see cref="IActorRef"/>.</summary>
public static class ActorRefExtensions
{
    /// <summary>True for null, <see cref="Nobody"/> and the dead-letters reference.</summary>
    public static bool IsNobody(this IActorRef actorRef) =>
        actorRef is null || actorRef is Nobody || actorRef is Internal.DeadLetterActorRef;

    /// <summary>Returns <paramref name="actorRef"/>, or <paramref name="elseValue"/>'s result when it <see cref="IsNobody"/>.</summary>
    public static IActorRef GetOrElse(this IActorRef actorRef, Func<IActorRef> elseValue) =>
        actorRef.IsNobody() ? elseValue() : actorRef;
}
