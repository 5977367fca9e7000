namespace Akka.Actor;

/// <summary>Helpers on <see cref="ICancelable"/>.</summary>
public static class CancelableExtensions
{
    /// <summary>Cancels <paramref name="cancelable"/> unless it is null.</summary>
    public static void CancelIfNotNull(this ICancelable cancelable) => cancelable?.Cancel();
}
