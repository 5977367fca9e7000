namespace Akka.Actor;

/// <summary>Schedules messages.</summary>
public interface ITellScheduler
{
    /// <summary>Sends <paramref name="message"/> once after <paramref name="delay"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="delay"/> is negative.</exception>
    void ScheduleTellOnce(TimeSpan delay, ICanTell receiver, object message, IActorRef sender);

    /// <summary>Sends <paramref name="message"/> once after <paramref name="delay"/> unless <paramref name="cancelable"/> is cancelled first.</summary>
    void ScheduleTellOnce(TimeSpan delay, ICanTell receiver, object message, IActorRef sender, ICancelable cancelable);

    /// <summary>Sends <paramref name="message"/> after <paramref name="initialDelay"/>, then every <paramref name="interval"/> (fixed rate).</summary>
    /// <exception cref="ArgumentOutOfRangeException">A negative delay or a non-positive interval.</exception>
    void ScheduleTellRepeatedly(TimeSpan initialDelay, TimeSpan interval, ICanTell receiver, object message, IActorRef sender);

    /// <summary>As above, until <paramref name="cancelable"/> is cancelled.</summary>
    void ScheduleTellRepeatedly(TimeSpan initialDelay, TimeSpan interval, ICanTell receiver, object message, IActorRef sender, ICancelable cancelable);
}
