namespace Akka.Actor.Internal;

/// <summary>A parent's record of one child: its ref, whether it is being stopped, and its restart budget.</summary>
internal sealed class ChildStats(LocalActorRef child)
{
    private int _retriesCount;
    private long _windowStart;

    public LocalActorRef Child { get; } = child;

    /// <summary>Set once the parent has sent Terminate; the name stays reserved until the child is gone.</summary>
    public bool Stopping { get; set; }

    /// <summary>
    /// Counts one more restart against the budget and says whether it is allowed. Undefined (-1) values
    /// mean "no limit"; a window starts at the first counted restart and counting starts over after it.
    /// </summary>
    public bool RequestRestartPermission(int maxNrOfRetries, int withinTimeMilliseconds)
    {
        if (maxNrOfRetries == 0)
            return false;
        if (withinTimeMilliseconds < 0)
        {
            if (maxNrOfRetries < 0)
                return true;
            _retriesCount++;
            return _retriesCount <= maxNrOfRetries;
        }

        var retries = maxNrOfRetries < 0 ? 1 : maxNrOfRetries;
        var now = Environment.TickCount64;
        if (_windowStart == 0)
            _windowStart = now;
        if (now - _windowStart <= withinTimeMilliseconds)
        {
            _retriesCount++;
            return _retriesCount <= retries;
        }

        _retriesCount = 1;
        _windowStart = now;
        return true;
    }
}
