namespace Akka.Actor;

/// <summary>An actor with keyed timers. The runtime assigns <see cref="Timers"/> before the derived constructor body runs.</summary>
public interface IWithTimers
{
    /// <summary>The actor's timers.</summary>
    ITimerScheduler Timers { get; set; }
}
