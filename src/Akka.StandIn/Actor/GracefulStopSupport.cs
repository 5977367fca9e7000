using Akka.Actor.Internal;
using Akka.Dispatch.SysMsg;

namespace Akka.Actor;

/// <summary>Stop an actor and wait for its termination.</summary>
public static class GracefulStopSupport
{
    /// <summary>Sends <see cref="PoisonPill"/> and waits; true when the actor terminated within <paramref name="timeout"/>, false otherwise.</summary>
    public static Task<bool> GracefulStop(this IActorRef target, TimeSpan timeout) => target.GracefulStop(timeout, PoisonPill.Instance);

    /// <summary>Sends <paramref name="stopMessage"/> and waits; true when the actor terminated within <paramref name="timeout"/>, false otherwise.</summary>
    public static async Task<bool> GracefulStop(this IActorRef target, TimeSpan timeout, object stopMessage)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(stopMessage);
        if (target is not IInternalActorRef watchee)
            throw new ArgumentException($"Cannot watch {target}", nameof(target));
        var system = ActorSystemImpl.SystemOf(target);
        var watcher = new PromiseActorRef(system?.NewTempPath() ?? new RootActorPath(new Address("akka", "temp"), "temp"));
        watchee.SendSystemMessage(new Watch(watchee, watcher));
        target.Tell(stopMessage, ActorRefs.NoSender);
        var finished = await Task.WhenAny(watcher.Result, Task.Delay(timeout)).ConfigureAwait(false);
        if (finished == watcher.Result)
            return true;
        watchee.SendSystemMessage(new Unwatch(watchee, watcher));
        return false;
    }
}
