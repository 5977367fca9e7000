using Akka.Actor;
using AkkaIpc.Sockets;

namespace AkkaIpc.Internal;

/// <summary>
/// The senders of <see cref="AwaitConnected"/> and <see cref="AwaitListening"/> that a supervisor or server has not
/// answered yet: each gets exactly one reply, the event it waits for or a <see cref="Status.Failure"/>.
/// </summary>
/// <param name="notReady">
/// Also told when the link will not get ready, for a caller whose request may not have reached the actor yet (see
/// <c>IpcExtension.StartAsync</c>); null for none.
/// </param>
internal sealed class ReadyWaiters(Action<IpcSocketException>? notReady = null)
{
    private readonly List<IActorRef> _connected = [];
    private readonly List<IActorRef> _listening = [];

    public void AddConnected(IActorRef waiter) => Add(_connected, waiter);

    public void AddListening(IActorRef waiter) => Add(_listening, waiter);

    public void Connected(Connected message, IActorRef self) => Reply(_connected, message, self);

    public void Listening(Listening message, IActorRef self) => Reply(_listening, message, self);

    /// <summary>The link will not get ready: every waiter gets <paramref name="reason"/>.</summary>
    public void FailAll(IpcSocketException reason, IActorRef self)
    {
        notReady?.Invoke(reason);
        var failure = new Status.Failure(reason);
        Reply(_connected, failure, self);
        Reply(_listening, failure, self);
    }

    private static void Add(List<IActorRef> waiters, IActorRef waiter)
    {
        if (!waiter.IsNobody())
            waiters.Add(waiter);
    }

    private static void Reply(List<IActorRef> waiters, object message, IActorRef self)
    {
        foreach (var waiter in waiters)
            waiter.Tell(message, self);
        waiters.Clear();
    }
}
