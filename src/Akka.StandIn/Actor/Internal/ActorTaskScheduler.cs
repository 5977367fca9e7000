using Akka.Dispatch.SysMsg;

namespace Akka.Actor.Internal;

/// <summary>
/// Runs the steps of an actor's async handler as system messages of that actor, so that every
/// continuation after an <c>await</c> runs on the actor's turn with <c>Context</c>, <c>Self</c> and
/// <c>Sender</c> intact, and never concurrently with another message.
/// </summary>
internal sealed class ActorTaskScheduler(ActorCell cell) : TaskScheduler
{
    /// <summary>Starts <paramref name="body"/> on this scheduler; its first step runs after the current message.</summary>
    public Task Start(Func<Task> body)
    {
        var outer = new Task<Task>(body);
        outer.Start(this);
        return outer.Unwrap();
    }

    public void RunStep(Task task) => TryExecuteTask(task);

    protected override void QueueTask(Task task) => cell.SendSystemMessage(new RunTaskStep(task));

    // Never inline: a step must only run on the actor's own turn.
    protected override bool TryExecuteTaskInline(Task task, bool taskWasPreviouslyQueued) => false;

    protected override IEnumerable<Task> GetScheduledTasks() => Array.Empty<Task>();
}
