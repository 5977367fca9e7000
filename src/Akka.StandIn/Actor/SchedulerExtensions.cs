namespace Akka.Actor;

/// <summary>Scheduling helpers that create and return the cancellation handle.</summary>
public static class SchedulerExtensions
{
    /// <summary>Sends <paramref name="message"/> once after <paramref name="delay"/>; returns a handle that cancels it.</summary>
    public static ICancelable ScheduleTellOnceCancelable(this IScheduler scheduler, TimeSpan delay, ICanTell receiver, object message, IActorRef sender)
    {
        var cancelable = new Cancelable(scheduler);
        scheduler.ScheduleTellOnce(delay, receiver, message, sender, cancelable);
        return cancelable;
    }

    /// <summary>As above, with the delay in milliseconds.</summary>
    public static ICancelable ScheduleTellOnceCancelable(this IScheduler scheduler, int millisecondsDelay, ICanTell receiver, object message, IActorRef sender) =>
        scheduler.ScheduleTellOnceCancelable(TimeSpan.FromMilliseconds(millisecondsDelay), receiver, message, sender);

    /// <summary>Sends <paramref name="message"/> repeatedly; returns a handle that stops it.</summary>
    public static ICancelable ScheduleTellRepeatedlyCancelable(this IScheduler scheduler, TimeSpan initialDelay, TimeSpan interval, ICanTell receiver, object message, IActorRef sender)
    {
        var cancelable = new Cancelable(scheduler);
        scheduler.ScheduleTellRepeatedly(initialDelay, interval, receiver, message, sender, cancelable);
        return cancelable;
    }

    /// <summary>As above, with times in milliseconds.</summary>
    public static ICancelable ScheduleTellRepeatedlyCancelable(this IScheduler scheduler, int initialMillisecondsDelay, int millisecondsInterval, ICanTell receiver, object message, IActorRef sender) =>
        scheduler.ScheduleTellRepeatedlyCancelable(TimeSpan.FromMilliseconds(initialMillisecondsDelay), TimeSpan.FromMilliseconds(millisecondsInterval), receiver, message, sender);

    /// <summary>Runs <paramref name="action"/> once after <paramref name="delay"/>; returns a handle that cancels it.</summary>
    public static ICancelable ScheduleOnceCancelable(this IActionScheduler scheduler, TimeSpan delay, Action action)
    {
        var cancelable = new Cancelable(scheduler);
        scheduler.ScheduleOnce(delay, action, cancelable);
        return cancelable;
    }

    /// <summary>As above, with the delay in milliseconds.</summary>
    public static ICancelable ScheduleOnceCancelable(this IActionScheduler scheduler, int millisecondsDelay, Action action) =>
        scheduler.ScheduleOnceCancelable(TimeSpan.FromMilliseconds(millisecondsDelay), action);

    /// <summary>Runs <paramref name="action"/> repeatedly; returns a handle that stops it.</summary>
    public static ICancelable ScheduleRepeatedlyCancelable(this IActionScheduler scheduler, TimeSpan initialDelay, TimeSpan interval, Action action)
    {
        var cancelable = new Cancelable(scheduler);
        scheduler.ScheduleRepeatedly(initialDelay, interval, action, cancelable);
        return cancelable;
    }

    /// <summary>As above, with times in milliseconds.</summary>
    public static ICancelable ScheduleRepeatedlyCancelable(this IActionScheduler scheduler, int initialMillisecondsDelay, int millisecondsInterval, Action action) =>
        scheduler.ScheduleRepeatedlyCancelable(TimeSpan.FromMilliseconds(initialMillisecondsDelay), TimeSpan.FromMilliseconds(millisecondsInterval), action);
}
