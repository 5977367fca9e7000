using System.Collections.Concurrent;
using System.Diagnostics;

namespace Akka.Actor.Internal;

/// <summary>
/// The scheduler: one <see cref="System.Threading.Timer"/> per scheduled item (the runtime's timer queue
/// gives millisecond resolution). Repeating items run at a fixed rate until cancelled or until the system
/// stops.
/// </summary>
internal sealed class SystemScheduler : IScheduler, IAdvancedScheduler
{
    private readonly ConcurrentDictionary<Item, byte> _items = new();
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly Action<Exception> _onError;
    private volatile bool _stopped;

    public SystemScheduler(Action<Exception> onError) => _onError = onError;

    public IAdvancedScheduler Advanced => this;

    public DateTimeOffset Now => DateTimeOffset.UtcNow;

    public TimeSpan MonotonicClock => _clock.Elapsed;

    public TimeSpan HighResMonotonicClock => _clock.Elapsed;

    public void ScheduleTellOnce(TimeSpan delay, ICanTell receiver, object message, IActorRef sender) =>
        ScheduleTellOnce(delay, receiver, message, sender, null);

    public void ScheduleTellOnce(TimeSpan delay, ICanTell receiver, object message, IActorRef sender, ICancelable cancelable)
    {
        ArgumentNullException.ThrowIfNull(receiver);
        ArgumentNullException.ThrowIfNull(message);
        Add(delay, Timeout.InfiniteTimeSpan, () => receiver.Tell(message, sender), cancelable);
    }

    public void ScheduleTellRepeatedly(TimeSpan initialDelay, TimeSpan interval, ICanTell receiver, object message, IActorRef sender) =>
        ScheduleTellRepeatedly(initialDelay, interval, receiver, message, sender, null);

    public void ScheduleTellRepeatedly(TimeSpan initialDelay, TimeSpan interval, ICanTell receiver, object message, IActorRef sender, ICancelable cancelable)
    {
        ArgumentNullException.ThrowIfNull(receiver);
        ArgumentNullException.ThrowIfNull(message);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(interval, TimeSpan.Zero);
        Add(initialDelay, interval, () => receiver.Tell(message, sender), cancelable);
    }

    public void ScheduleOnce(TimeSpan delay, Action action) => ScheduleOnce(delay, action, null);

    public void ScheduleOnce(TimeSpan delay, Action action, ICancelable cancelable)
    {
        ArgumentNullException.ThrowIfNull(action);
        Add(delay, Timeout.InfiniteTimeSpan, action, cancelable);
    }

    public void ScheduleRepeatedly(TimeSpan initialDelay, TimeSpan interval, Action action) =>
        ScheduleRepeatedly(initialDelay, interval, action, null);

    public void ScheduleRepeatedly(TimeSpan initialDelay, TimeSpan interval, Action action, ICancelable cancelable)
    {
        ArgumentNullException.ThrowIfNull(action);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(interval, TimeSpan.Zero);
        Add(initialDelay, interval, action, cancelable);
    }

    /// <summary>Cancels everything; later schedules are ignored.</summary>
    public void Stop()
    {
        _stopped = true;
        foreach (var item in _items.Keys)
            item.Dispose();
        _items.Clear();
    }

    private void Add(TimeSpan delay, TimeSpan interval, Action action, ICancelable cancelable)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(delay, TimeSpan.Zero);
        if (_stopped || cancelable is { IsCancellationRequested: true })
            return;
        var item = new Item(this, action, interval != Timeout.InfiniteTimeSpan, cancelable);
        _items.TryAdd(item, 0);
        item.Start(delay, interval);
        if (_stopped)
            item.Dispose();
    }

    private sealed class Item : IDisposable
    {
        private readonly SystemScheduler _owner;
        private readonly Action _action;
        private readonly bool _repeat;
        private readonly ICancelable _cancelable;
        private Timer _timer;
        private CancellationTokenRegistration _registration;
        private int _disposed;

        public Item(SystemScheduler owner, Action action, bool repeat, ICancelable cancelable)
        {
            _owner = owner;
            _action = action;
            _repeat = repeat;
            _cancelable = cancelable;
        }

        public void Start(TimeSpan delay, TimeSpan interval)
        {
            // The timer is created before the cancellation registration so Dispose always sees it.
            _timer = new Timer(static s => ((Item)s).Fire(), this, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
            if (_cancelable is not null)
                _registration = _cancelable.Token.Register(static s => ((Item)s).Dispose(), this);
            _timer.Change(delay, interval);
        }

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) != 0)
                return;
            _timer?.Dispose();
            _registration.Dispose();
            _owner._items.TryRemove(this, out _);
        }

        private void Fire()
        {
            if (Volatile.Read(ref _disposed) != 0 || _cancelable is { IsCancellationRequested: true })
                return;
            try
            {
                _action();
            }
            catch (Exception e)
            {
                _owner._onError(e);
            }

            if (!_repeat)
                Dispose();
        }
    }
}
