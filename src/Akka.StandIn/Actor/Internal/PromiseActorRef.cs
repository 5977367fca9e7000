using Akka.Dispatch.SysMsg;

namespace Akka.Actor.Internal;

/// <summary>
/// A temporary reference (under <c>/temp</c>) that completes a task: with the first message sent to it
/// (Ask), or with a death-watch notification (GracefulStop).
/// </summary>
internal sealed class PromiseActorRef(ActorPath path) : MinimalActorRef
{
    private readonly TaskCompletionSource<object> _result = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public override ActorPath Path { get; } = path;

    public Task<object> Result => _result.Task;

    public override bool IsTerminated => _result.Task.IsCompleted;

    public bool TrySetException(Exception e) => _result.TrySetException(e);

    public bool TrySetCanceled(CancellationToken token) => _result.TrySetCanceled(token);

    public override void SendSystemMessage(ISystemMessage message)
    {
        if (message is DeathWatchNotification notification)
            _result.TrySetResult(new Terminated(notification.Actor, notification.ExistenceConfirmed, false));
        else
            base.SendSystemMessage(message);
    }

    protected override void TellInternal(object message, IActorRef sender) => _result.TrySetResult(message);
}
