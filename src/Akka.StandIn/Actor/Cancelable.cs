namespace Akka.Actor;

/// <summary>An <see cref="ICancelable"/> backed by a <see cref="CancellationTokenSource"/>.</summary>
public class Cancelable : ICancelable, IDisposable
{
    private readonly CancellationTokenSource _source = new();

    /// <summary>Creates a handle for use with <paramref name="scheduler"/>.</summary>
    public Cancelable(IScheduler scheduler)
    {
        ArgumentNullException.ThrowIfNull(scheduler);
    }

    /// <summary>Creates a handle for use with <paramref name="scheduler"/>.</summary>
    public Cancelable(IActionScheduler scheduler)
    {
        ArgumentNullException.ThrowIfNull(scheduler);
    }

    /// <summary>Creates a handle that cancels itself after <paramref name="delay"/>.</summary>
    public Cancelable(IScheduler scheduler, TimeSpan delay)
        : this(scheduler)
    {
        CancelAfter(delay);
    }

    private Cancelable()
    {
    }

    /// <inheritdoc />
    public bool IsCancellationRequested => _source.IsCancellationRequested;

    /// <inheritdoc />
    public CancellationToken Token => _source.Token;

    /// <summary>True once disposed.</summary>
    public bool IsDisposed { get; private set; }

    /// <summary>A handle that is already cancelled.</summary>
    public static ICancelable CreateCanceled()
    {
        var c = new Cancelable();
        c.Cancel();
        return c;
    }

    /// <inheritdoc />
    public void Cancel() => Cancel(false);

    /// <inheritdoc />
    public void Cancel(bool throwOnFirstException)
    {
        if (!IsDisposed)
            _source.Cancel(throwOnFirstException);
    }

    /// <inheritdoc />
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="delay"/> is negative.</exception>
    public void CancelAfter(TimeSpan delay)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(delay, TimeSpan.Zero);
        if (!IsDisposed)
            _source.CancelAfter(delay);
    }

    /// <inheritdoc />
    public void CancelAfter(int millisecondsDelay) => CancelAfter(TimeSpan.FromMilliseconds(millisecondsDelay));

    /// <summary>Releases the underlying token source.</summary>
    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    /// <summary>Releases the underlying token source.</summary>
    protected virtual void Dispose(bool disposing)
    {
        if (disposing && !IsDisposed)
        {
            IsDisposed = true;
            _source.Dispose();
        }
    }
}
