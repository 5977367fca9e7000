namespace Akka.Actor;

/// <summary>
/// Schedules actions. They run on a pool thread, not inside an actor, so they must not touch an actor's
/// <c>Context</c>.
/// </summary>
public interface IActionScheduler
{
    /// <summary>Runs <paramref name="action"/> once after <paramref name="delay"/>.</summary>
    void ScheduleOnce(TimeSpan delay, Action action);

    /// <summary>Runs <paramref name="action"/> once after <paramref name="delay"/> unless cancelled first.</summary>
    void ScheduleOnce(TimeSpan delay, Action action, ICancelable cancelable);

    /// <summary>Runs <paramref name="action"/> after <paramref name="initialDelay"/>, then every <paramref name="interval"/>.</summary>
    void ScheduleRepeatedly(TimeSpan initialDelay, TimeSpan interval, Action action);

    /// <summary>As above, until <paramref name="cancelable"/> is cancelled.</summary>
    void ScheduleRepeatedly(TimeSpan initialDelay, TimeSpan interval, Action action, ICancelable cancelable);
}
