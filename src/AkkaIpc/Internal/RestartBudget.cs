namespace AkkaIpc.Internal;

/// <summary>
/// The backoff arithmetic of a supervisor: restart n (0-based, counted since the last successful connection) waits
/// <c>min(max, min·2^n)·(1 + U·randomFactor)</c> with U uniform in [0, 1) (Akka's BackoffSupervisor formula; the
/// jitter comes after the cap), and at most <c>maxRetries</c> restarts are allowed inside a window that opens at the
/// first counted restart and starts over once it has passed (Akka's OneForOneStrategy budget). The window's end is the
/// owner's timer (<see cref="WindowPassed"/>), so it runs on the actor system's scheduler, virtual time included. A
/// successful connection resets both: the budget is for a socket that cannot get going, not for peers that come and go.
/// </summary>
internal sealed class RestartBudget
{
    private readonly IpcSocketSettings _settings;
    private readonly Func<double> _random;
    private int _consecutive;
    private int _windowCount;

    public RestartBudget(IpcSocketSettings settings, Func<double>? random = null)
    {
        _settings = settings;
        _random = random ?? Random.Shared.NextDouble;
    }

    /// <summary>The connection came up: the next restart waits the minimum again, with the whole budget.</summary>
    public void Connected()
    {
        _consecutive = 0;
        _windowCount = 0;
    }

    /// <summary>The retry window that the last <see cref="TryNext"/> opened has passed: counting starts over.</summary>
    public void WindowPassed() => _windowCount = 0;

    /// <summary>Claims one restart; false when the budget is spent.</summary>
    /// <param name="attempt">1-based attempt since the last connection.</param>
    /// <param name="delay">The delay before the restart.</param>
    /// <param name="windowOpened">True when this restart opened a retry window: the owner calls
    /// <see cref="WindowPassed"/> once <c>retry-window</c> has passed from now.</param>
    public bool TryNext(out int attempt, out TimeSpan delay, out bool windowOpened)
    {
        attempt = 0;
        delay = TimeSpan.Zero;
        windowOpened = false;
        if (_settings.MaxRetries == 0)
            return false;
        if (_settings.MaxRetries > 0 && _windowCount >= _settings.MaxRetries)
            return false;

        windowOpened = _windowCount == 0;
        _windowCount++;
        delay = Delay(_consecutive);
        _consecutive++;
        attempt = _consecutive;
        return true;
    }

    /// <summary>The delay of restart <paramref name="n"/> (0-based).</summary>
    public TimeSpan Delay(int n)
    {
        var min = _settings.BackoffMin.Ticks;
        var capped = Math.Min(_settings.BackoffMax.Ticks, min * Math.Pow(2, Math.Min(n, 62)));
        var jittered = capped * (1.0 + _random() * _settings.BackoffRandomFactor);
        return TimeSpan.FromTicks((long)jittered);
    }
}
