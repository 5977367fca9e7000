namespace Akka.Actor;

/// <summary>The action-scheduling side of the scheduler (<see cref="IScheduler.Advanced"/>).</summary>
public interface IAdvancedScheduler : IActionScheduler
{
}
