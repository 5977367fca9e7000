namespace Akka.Actor;

/// <summary>Clocks.</summary>
public interface ITimeProvider
{
    /// <summary>Wall-clock time.</summary>
    DateTimeOffset Now { get; }

    /// <summary>Time since an arbitrary fixed point; never goes backwards.</summary>
    TimeSpan MonotonicClock { get; }

    /// <summary>Like <see cref="MonotonicClock"/>, at the highest resolution available.</summary>
    TimeSpan HighResMonotonicClock { get; }
}
