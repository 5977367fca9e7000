namespace Akka.Actor.Internal;

/// <summary>
/// The <see cref="ITimerScheduler"/> of one actor instance. Each start bumps a generation number; a timer
/// message that arrives for a cancelled, replaced or previous-instance timer is dropped on receipt, so
/// after <see cref="Cancel"/> the old message is never seen.
/// </summary>
internal sealed class ActorTimers(ActorCell cell) : ITimerScheduler
{
    private readonly Dictionary<object, Timer> _timers = new();
    private int _generation;

    public IReadOnlyCollection<object> ActiveTimers => _timers.Keys.ToArray();

    public void StartSingleTimer(object key, object msg, TimeSpan timeout) =>
        StartTimer(key, msg, timeout, TimeSpan.Zero, repeat: false, sender: null);

    public void StartSingleTimer(object key, object msg, TimeSpan timeout, IActorRef sender) =>
        StartTimer(key, msg, timeout, TimeSpan.Zero, repeat: false, sender);

    public void StartPeriodicTimer(object key, object msg, TimeSpan interval) =>
        StartTimer(key, msg, interval, interval, repeat: true, sender: null);

    public void StartPeriodicTimer(object key, object msg, TimeSpan interval, IActorRef sender) =>
        StartTimer(key, msg, interval, interval, repeat: true, sender);

    public void StartPeriodicTimer(object key, object msg, TimeSpan initialDelay, TimeSpan interval) =>
        StartTimer(key, msg, initialDelay, interval, repeat: true, sender: null);

    public void StartPeriodicTimer(object key, object msg, TimeSpan initialDelay, TimeSpan interval, IActorRef sender) =>
        StartTimer(key, msg, initialDelay, interval, repeat: true, sender);

    public bool IsTimerActive(object key) => _timers.ContainsKey(key);

    public void Cancel(object key)
    {
        if (_timers.Remove(key, out var timer))
            timer.Task.Cancel();
    }

    public void CancelAll()
    {
        foreach (var timer in _timers.Values)
            timer.Task.Cancel();
        _timers.Clear();
    }

    /// <summary>True when <paramref name="message"/> belongs to a live timer of this instance; single timers end here.</summary>
    internal bool Accept(TimerMessage message)
    {
        if (!ReferenceEquals(message.Owner, this) || !_timers.TryGetValue(message.Key, out var timer)
            || timer.Generation != message.Generation)
            return false;
        if (!timer.Repeat)
            _timers.Remove(message.Key);
        return true;
    }

    private void StartTimer(object key, object msg, TimeSpan delay, TimeSpan interval, bool repeat, IActorRef sender)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(msg);
        Cancel(key);
        var generation = ++_generation;
        var message = new TimerMessage(key, generation, this, msg, sender);
        var scheduler = cell.System.Scheduler;
        var task = repeat
            ? scheduler.ScheduleTellRepeatedlyCancelable(delay, interval, cell.Self, message, ActorRefs.NoSender)
            : scheduler.ScheduleTellOnceCancelable(delay, cell.Self, message, ActorRefs.NoSender);
        _timers[key] = new Timer(generation, repeat, task);
    }

    private sealed record Timer(int Generation, bool Repeat, ICancelable Task);

    /// <summary>The wrapper a timer sends; the actor sees only <see cref="Message"/>.</summary>
    internal sealed class TimerMessage(object key, int generation, ActorTimers owner, object message, IActorRef sender)
        : IAutoReceivedMessage
    {
        public object Key { get; } = key;

        public int Generation { get; } = generation;

        public ActorTimers Owner { get; } = owner;

        public object Message { get; } = message;

        public IActorRef Sender { get; } = sender;
    }
}
