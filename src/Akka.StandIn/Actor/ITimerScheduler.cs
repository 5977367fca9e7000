namespace Akka.Actor;

/// <summary>
/// Keyed timers that send messages to the owning actor. One timer per key; starting a key again replaces
/// it. Cancelled or replaced timers never deliver. Use only from inside the actor.
/// </summary>
public interface ITimerScheduler
{
    /// <summary>Sends <paramref name="msg"/> once after <paramref name="timeout"/>.</summary>
    void StartSingleTimer(object key, object msg, TimeSpan timeout);

    /// <summary>Sends <paramref name="msg"/> once after <paramref name="timeout"/>, from <paramref name="sender"/>.</summary>
    void StartSingleTimer(object key, object msg, TimeSpan timeout, IActorRef sender);

    /// <summary>Sends <paramref name="msg"/> every <paramref name="interval"/>.</summary>
    void StartPeriodicTimer(object key, object msg, TimeSpan interval);

    /// <summary>Sends <paramref name="msg"/> every <paramref name="interval"/>, from <paramref name="sender"/>.</summary>
    void StartPeriodicTimer(object key, object msg, TimeSpan interval, IActorRef sender);

    /// <summary>Sends <paramref name="msg"/> after <paramref name="initialDelay"/>, then every <paramref name="interval"/>.</summary>
    void StartPeriodicTimer(object key, object msg, TimeSpan initialDelay, TimeSpan interval);

    /// <summary>As above, from <paramref name="sender"/>.</summary>
    void StartPeriodicTimer(object key, object msg, TimeSpan initialDelay, TimeSpan interval, IActorRef sender);

    /// <summary>True while the timer is active (a single timer until its message is received).</summary>
    bool IsTimerActive(object key);

    /// <summary>Cancels the timer; its message will not be received afterwards.</summary>
    void Cancel(object key);

    /// <summary>Cancels every timer.</summary>
    void CancelAll();

    /// <summary>The keys of the active timers.</summary>
    IReadOnlyCollection<object> ActiveTimers { get; }
}
