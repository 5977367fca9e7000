namespace Akka.Actor;

/// <summary>Sends a task's outcome to an actor when it completes.</summary>
public static class PipeToSupport
{
    /// <summary>
    /// When <paramref name="taskToPipe"/> completes, tells its result (or <paramref name="success"/>(result)) to
    /// <paramref name="recipient"/>; on failure tells <see cref="Status.Failure"/> (or <paramref name="failure"/>(exception)).
    /// </summary>
    public static async Task PipeTo<T>(this Task<T> taskToPipe, ICanTell recipient, IActorRef sender = null, Func<T, object> success = null, Func<Exception, object> failure = null)
    {
        ArgumentNullException.ThrowIfNull(taskToPipe);
        ArgumentNullException.ThrowIfNull(recipient);
        try
        {
            var result = await taskToPipe.ConfigureAwait(false);
            recipient.Tell(success is not null ? success(result) : result, sender);
        }
        catch (Exception e)
        {
            recipient.Tell(failure is not null ? failure(e) : new Status.Failure(e), sender);
        }
    }

    /// <summary>
    /// When <paramref name="taskToPipe"/> completes, tells <paramref name="success"/>() (nothing if it is null) to
    /// <paramref name="recipient"/>; on failure tells <see cref="Status.Failure"/> (or <paramref name="failure"/>(exception)).
    /// </summary>
    public static async Task PipeTo(this Task taskToPipe, ICanTell recipient, IActorRef sender = null, Func<object> success = null, Func<Exception, object> failure = null)
    {
        ArgumentNullException.ThrowIfNull(taskToPipe);
        ArgumentNullException.ThrowIfNull(recipient);
        try
        {
            await taskToPipe.ConfigureAwait(false);
            if (success is not null)
                recipient.Tell(success(), sender);
        }
        catch (Exception e)
        {
            recipient.Tell(failure is not null ? failure(e) : new Status.Failure(e), sender);
        }
    }
}
