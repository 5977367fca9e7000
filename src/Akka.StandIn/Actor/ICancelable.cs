namespace Akka.Actor;

/// <summary>A handle that cancels a scheduled action or message.</summary>
public interface ICancelable
{
    /// <summary>True once cancelled.</summary>
    bool IsCancellationRequested { get; }

    /// <summary>A token cancelled together with this handle.</summary>
    CancellationToken Token { get; }

    /// <summary>Cancels.</summary>
    void Cancel();

    /// <summary>Cancels; see <see cref="CancellationTokenSource.Cancel(bool)"/>.</summary>
    void Cancel(bool throwOnFirstException);

    /// <summary>Cancels after <paramref name="delay"/>.</summary>
    void CancelAfter(TimeSpan delay);

    /// <summary>Cancels after <paramref name="millisecondsDelay"/> milliseconds.</summary>
    void CancelAfter(int millisecondsDelay);
}
