using Akka.Event;

namespace Akka.TestKit.Internal;

/// <summary>The filters of one Expect or Mute while it is active, with the number of events they matched.</summary>
internal sealed class ActiveFilterSet
{
    private int _matched;

    internal ActiveFilterSet(IReadOnlyList<LogEventFilter> filters)
    {
        Filters = filters;
    }

    internal IReadOnlyList<LogEventFilter> Filters { get; }

    internal int Matched => Volatile.Read(ref _matched);

    /// <summary>Counts <paramref name="logEvent"/> if any filter matches it.</summary>
    internal bool TryMatch(LogEvent logEvent)
    {
        foreach (var filter in Filters)
        {
            bool matched;
            try
            {
                matched = filter.IsMatch(logEvent);
            }
            catch (Exception)
            {
                // A throwing custom predicate counts as "no match"; it must not crash the logger actor.
                matched = false;
            }

            if (matched)
            {
                Interlocked.Increment(ref _matched);
                return true;
            }
        }

        return false;
    }

    public override string ToString() => string.Join(" or ", Filters);
}
