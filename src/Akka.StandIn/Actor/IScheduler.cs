namespace Akka.Actor;

/// <summary>The actor system's scheduler: messages directly, actions through <see cref="Advanced"/>.</summary>
public interface IScheduler : ITellScheduler, ITimeProvider
{
    /// <summary>Action scheduling.</summary>
    IAdvancedScheduler Advanced { get; }
}
